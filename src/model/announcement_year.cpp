#include "sfgrant/model/announcement_year.h"

namespace sfgrant {

IssueWindow issue_window(int year) { return {Date{year - 1, 7, 1}, Date{year, 12, 31}}; }

AnnouncementFit announcement_fit(const Announcement& announcement, int year) {
  const std::optional<Date> issued = Date::parse(announcement.issued);
  if (!issued) return AnnouncementFit::undated;
  const IssueWindow window = issue_window(year);
  if (issued->first_day() > window.to.last_day()) return AnnouncementFit::too_late;
  if (announcement.reused_in && *announcement.reused_in != year) return AnnouncementFit::reused_for_other_year;
  if (issued->last_day() < window.from.first_day() && !announcement.reused_in) return AnnouncementFit::too_early;
  return AnnouncementFit::of_year;
}

}  // namespace sfgrant
