#pragma once
/// Whether an announcement belongs to a program year, so that a year folder copied from the last one
/// cannot pass `validate` while it still cites last year's 통합공고 (issue #18 item 3).
///
/// A year's 통합공고 comes out in the autumn before it (2026's on 2025-10-31) and single-program notices
/// during it, so an announcement is of year Y when it was issued from (Y-1)-07-01 to Y-12-31. An older
/// one that a year still relies on (the 2021 annex's 업종 구분표) says so with `reused_in: Y` and a
/// reason; a copied folder keeps the old `reused_in` and fails until someone re-checks it.
#include "sfgrant/model/date.h"
#include "sfgrant/model/program.h"

namespace sfgrant {

enum class AnnouncementFit {
  of_year,                ///< issued within the year's window, or reused for this very year
  undated,                ///< no readable `issued` date: cannot tell
  too_early,              ///< issued before the window and not reused for this year
  too_late,               ///< issued after the year
  reused_for_other_year,  ///< `reused_in` names another year: the folder was copied
};

/// The days an announcement of `year` is issued on: (year-1)-07-01 to year-12-31.
struct IssueWindow {
  Date from;
  Date to;
};
IssueWindow issue_window(int year);

AnnouncementFit announcement_fit(const Announcement& announcement, int year);

}  // namespace sfgrant
