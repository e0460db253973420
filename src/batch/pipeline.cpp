#include <algorithm>
#include <condition_variable>
#include <deque>
#include <istream>
#include <map>
#include <mutex>
#include <thread>

#include "row_source.h"
#include "sfgrant/batch/batch.h"
#include "worker.h"

namespace sfgrant {

void CompanyTotals::add(const CompanyTotals& other) {
  companies += other.companies;
  with_eligible += other.with_eligible;
  best_government = checked_add(best_government, other.best_government);
  best_at_cap += other.best_at_cap;
}

void BatchSummary::merge(const BatchSummary& other) {
  companies.add(other.companies);
  for (const auto& [k, t] : other.by_region) by_region[k].add(t);
  for (const auto& [k, t] : other.by_size) by_size[k].add(t);
  if (by_best_program.size() < other.by_best_program.size()) by_best_program.resize(other.by_best_program.size());
  for (size_t i = 0; i < other.by_best_program.size(); ++i) by_best_program[i].add(other.by_best_program[i]);
  auto add_all = [](std::vector<long>& into, const std::vector<long>& from) {
    if (into.size() < from.size()) into.resize(from.size());
    for (size_t i = 0; i < from.size(); ++i) into[i] += from[i];
  };
  add_all(question_companies, other.question_companies);
  add_all(question_programs, other.question_programs);
  for (size_t k = 0; k < kRejectKinds; ++k) rejected_by_kind[k] += other.rejected_by_kind[k];
  read += other.read;
  evaluated += other.evaluated;
  rejected += other.rejected;
  lines += other.lines;
  header_lines += other.header_lines;
  blank_lines += other.blank_lines;
  row_lines += other.row_lines;
  if (programs.empty()) {
    programs = other.programs;
    return;
  }
  for (size_t i = 0; i < programs.size() && i < other.programs.size(); ++i) {
    programs[i].second.eligible += other.programs[i].second.eligible;
    programs[i].second.possible += other.programs[i].second.possible;
    programs[i].second.government = checked_add(programs[i].second.government, other.programs[i].second.government);
    programs[i].second.at_cap += other.programs[i].second.at_cap;
  }
}

// The pipeline: read → (workers) map, evaluate, render → write in order

BatchSummary run_batch(const Catalogue& catalogue, std::istream& in, const BatchOptions& options, BatchFormat& format,
                       const std::function<void(const RejectedRow&)>& on_error,
                       const std::function<void(long)>& progress) {
  StreamSource source(in);
  return run_batch(catalogue, source, options, format, on_error, progress);
}

BatchSummary run_batch(const Catalogue& catalogue, ByteSource& in, const BatchOptions& options, BatchFormat& format,
                       const std::function<void(const RejectedRow&)>& on_error,
                       const std::function<void(long)>& progress) {
  RowSource source(in, options);
  const Worker worker(catalogue, options, source.mapper(), source.encoding(), format);
  BatchSummary total;
  // the lines that are no row: known once the input is read (lines_read), counted as it goes
  auto lines_read = [&] {
    total.lines = source.lines();
    total.header_lines = source.header_lines();
    total.blank_lines = source.blank_lines();
  };
  for (const Program& p : catalogue.programs) total.programs.emplace_back(p.id, ProgramTotals{});
  format.begin(source.kept_columns());
  auto emit = [&](Done& d) {
    format.write(d.out);
    if (on_error)
      for (const RejectedRow& r : d.rejected) on_error(r);
    total.merge(d.summary);
    if (progress) progress(total.read);
  };
  // A format writing large records (jsonl) asks for smaller chunks: see max_chunk_rows().
  const size_t rows_per_chunk = std::min(options.batch_rows, format.max_chunk_rows());
  auto read_chunk = [&](Chunk& chunk) {
    chunk.rows.clear();
    RawRow row;
    while (chunk.rows.size() < rows_per_chunk && source.next(row)) chunk.rows.push_back(std::move(row));
    return !chunk.rows.empty();
  };

  const int jobs = std::max(1, options.jobs);
  if (jobs == 1) {
    Chunk chunk;
    DerivedFactCache derived(catalogue.industries);
    long seq = 0;
    while (read_chunk(chunk)) {
      chunk.seq = seq++;
      Done d = worker.process(chunk, derived);
      emit(d);
    }
    lines_read();
    format.end(total);
    return total;
  }

  std::mutex mu;
  std::condition_variable work_ready, done_ready;
  std::deque<Chunk> queue;
  std::map<long, Done> finished;
  bool closed = false;
  std::exception_ptr failure;
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      DerivedFactCache derived(catalogue.industries);  // the thread's own: no lock
      while (true) {
        Chunk chunk;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_ready.wait(lock, [&] { return closed || !queue.empty(); });
          if (queue.empty()) return;
          chunk = std::move(queue.front());
          queue.pop_front();
        }
        Done d;
        try {
          d = worker.process(chunk, derived);
        } catch (...) {
          std::lock_guard<std::mutex> lock(mu);
          if (!failure) failure = std::current_exception();
          d.seq = chunk.seq;
        }
        {
          std::lock_guard<std::mutex> lock(mu);
          finished.emplace(d.seq, std::move(d));
        }
        done_ready.notify_all();
      }
    });
  }
  const long max_in_flight = jobs * 2;
  long next_seq = 0;
  long next_to_write = 0;
  auto drain = [&](bool wait_for_one) {
    while (true) {
      Done d;
      {
        std::unique_lock<std::mutex> lock(mu);
        if (wait_for_one) done_ready.wait(lock, [&] { return finished.count(next_to_write) > 0; });
        auto it = finished.find(next_to_write);
        if (it == finished.end()) return;
        d = std::move(it->second);
        finished.erase(it);
      }
      emit(d);
      ++next_to_write;
      wait_for_one = false;
    }
  };
  try {
    Chunk chunk;
    while (read_chunk(chunk)) {
      chunk.seq = next_seq++;
      {
        std::lock_guard<std::mutex> lock(mu);
        queue.push_back(std::move(chunk));
      }
      work_ready.notify_one();
      drain(next_seq - next_to_write >= max_in_flight);
    }
    while (next_to_write < next_seq) drain(true);
  } catch (...) {
    {
      std::lock_guard<std::mutex> lock(mu);
      closed = true;
      queue.clear();
    }
    work_ready.notify_all();
    for (auto& t : threads) t.join();
    throw;
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    closed = true;
  }
  work_ready.notify_all();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  lines_read();
  format.end(total);
  return total;
}

}  // namespace sfgrant
