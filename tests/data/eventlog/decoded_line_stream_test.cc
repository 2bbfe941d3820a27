// DecodedLineStream, over a decoded stream (ByteSource) and over a plain file
// read in ranges (PositionalFile): lines come out in order with the line
// rules (CRLF, a last line without '\n', blank lines counted) whatever the
// batch size and thread count; long lines grow a batch or span many ranges;
// more lines than one pass decodes are still all handed out; a source failure
// and a hostile line length end the input with an error after the lines
// before them; small inputs start no thread.
#include "data/eventlog/decoded_line_stream.h"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

std::string JobEndLine(int job) {
  return "{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":" + std::to_string(job) +
         ",\"Completion Time\":" + std::to_string(1000 + job) +
         ",\"Job Result\":{\"Result\":\"JobSucceeded\"}}";
}

struct Line {
  LineKind kind;
  int job = -1;  // JobEnd's job id, -1 for other lines
  bool newline = true;
};

struct Drained {
  std::vector<Line> lines;
  Status status;  // the error that ended the stream, if any
  int64_t line_number_at_end = 0;
  int workers = 0;
};

Drained DrainStream(DecodedLineStream& stream) {
  Drained out;
  DecodedLine* line = nullptr;
  bool newline = false;
  while (true) {
    Result<bool> next = stream.Next(&line, &newline);
    if (!next.ok()) {
      out.status = next.status();
      break;
    }
    if (!*next) break;
    Line l{line->kind, -1, newline};
    if (auto* end = std::get_if<JobEndEvent>(&line->event)) l.job = end->job_id;
    out.lines.push_back(l);
  }
  out.line_number_at_end = stream.line_number();
  out.workers = stream.workers_started();
  return out;
}

Drained Drain(std::unique_ptr<ByteSource> source, LineStreamOptions options) {
  DecodedLineStream stream(std::move(source), options);
  return DrainStream(stream);
}

// The same bytes as a plain file read in ranges.
Drained DrainFile(const std::string& text, LineStreamOptions options) {
  testing::TempDir dir("line-stream");
  const std::string path = dir.path() + "/log";
  std::ofstream(path, std::ios::binary) << text;
  auto file = OpenPositionalFile(path);
  EXPECT_TRUE(file.ok());
  DecodedLineStream stream(std::move(*file), options);
  Drained out = DrainStream(stream);
  if (out.status.ok()) {
    EXPECT_EQ(stream.bytes_consumed(), text.size());
  }
  return out;
}

// Both inputs, for the tests that hold for both.
using Drainer = std::function<Drained(const std::string&, LineStreamOptions)>;
const std::vector<std::pair<const char*, Drainer>>& Inputs() {
  static const auto* inputs = new std::vector<std::pair<const char*, Drainer>>{
      {"stream",
       [](const std::string& t, LineStreamOptions o) { return Drain(MakeMemorySource(t), o); }},
      {"file", DrainFile}};
  return *inputs;
}

LineStreamOptions Options(int workers, size_t batch_bytes) {
  LineStreamOptions o;
  o.worker_threads = workers;
  o.batch_bytes = batch_bytes;
  return o;
}

TEST(DecodedLineStream, SameLinesForEveryBatchSizeAndThreadCount) {
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    text += JobEndLine(i) + (i % 7 == 0 ? "\r\n" : "\n");
    if (i % 100 == 0) text += "\n   \n{bad json\n";
  }
  text += JobEndLine(99999);  // no final newline
  const Drained reference = Drain(MakeMemorySource(text), Options(0, 1 << 20));
  ASSERT_TRUE(reference.status.ok());
  ASSERT_EQ(reference.lines.size(), 3000u + 30 * 3 + 1);
  EXPECT_EQ(reference.workers, 0);
  EXPECT_EQ(reference.lines.back().job, 99999);
  EXPECT_FALSE(reference.lines.back().newline);
  EXPECT_EQ(reference.lines[0].job, 0);  // "\r\n" ended it: still a valid event
  EXPECT_EQ(reference.lines[1].kind, LineKind::kBlank);
  EXPECT_EQ(reference.lines[3].kind, LineKind::kMalformed);
  for (const auto& [input, drain] : Inputs()) {
    for (int workers : {0, 1, 3}) {
      for (size_t batch : {size_t{1}, size_t{100}, size_t{4096}, size_t{1} << 20}) {
        SCOPED_TRACE(std::string(input) + ", workers " + std::to_string(workers) + ", batch " +
                     std::to_string(batch));
        const Drained d = drain(text, Options(workers, batch));
        ASSERT_TRUE(d.status.ok()) << d.status.ToString();
        ASSERT_EQ(d.lines.size(), reference.lines.size());
        for (size_t i = 0; i < d.lines.size(); ++i) {
          ASSERT_EQ(d.lines[i].kind, reference.lines[i].kind) << i;
          ASSERT_EQ(d.lines[i].job, reference.lines[i].job) << i;
          ASSERT_EQ(d.lines[i].newline, reference.lines[i].newline) << i;
        }
        EXPECT_EQ(d.line_number_at_end, static_cast<int64_t>(reference.lines.size()));
        if (batch < text.size() && workers > 0) {
          EXPECT_EQ(d.workers, workers);
        }
      }
    }
  }
}

TEST(DecodedLineStream, MoreLinesThanOnePassDecodesAreAllHandedOut) {
  // 3x the per-pass cap of blank lines in one batch, then an event.
  std::string text(3 * kMaxLinesPerBatch + 5, '\n');
  text += JobEndLine(7) + "\n";
  for (const auto& [input, drain] : Inputs()) {
    for (int workers : {0, 2}) {
      SCOPED_TRACE(input);
      const Drained d = drain(text, Options(workers, 1 << 20));
      ASSERT_TRUE(d.status.ok());
      ASSERT_EQ(d.lines.size(), 3 * kMaxLinesPerBatch + 6);
      EXPECT_EQ(d.lines.back().job, 7);
      EXPECT_EQ(d.lines.front().kind, LineKind::kBlank);
    }
  }
}

TEST(DecodedLineStream, ALineLongerThanTheLimitEndsTheStreamNamingItsNumber) {
  std::string text = JobEndLine(1) + "\n" + JobEndLine(2) + "\n{\"Event\":\"" +
                     std::string(5000, 'x') + "\"}\n" + JobEndLine(3) + "\n";
  for (const auto& [input, drain] : Inputs()) {
    SCOPED_TRACE(input);
    LineStreamOptions o = Options(1, 64);
    o.max_line_bytes = 1000;
    const Drained d = drain(text, o);
    ASSERT_EQ(d.lines.size(), 2u);
    EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
    EXPECT_NE(d.status.message().find("line 3 is longer than 1000 bytes"), std::string::npos)
        << d.status.ToString();
    // Under the limit the same line grows its batch (or spans many ranges) and is read.
    o.max_line_bytes = 10000;
    const Drained ok = drain(text, o);
    ASSERT_TRUE(ok.status.ok());
    ASSERT_EQ(ok.lines.size(), 4u);
    EXPECT_EQ(ok.lines[2].kind, LineKind::kUnknownEvent);
    EXPECT_EQ(ok.lines[3].job, 3);
  }
}

// A source that fails after `good` bytes.
class FailingSource final : public ByteSource {
 public:
  FailingSource(std::string bytes, size_t good) : bytes_(std::move(bytes)), good_(good) {}
  Result<size_t> Read(uint8_t* dst, size_t capacity) override {
    if (pos_ >= good_) return Status::Corrupt("decoder failed at byte " + std::to_string(pos_));
    size_t take = std::min(capacity, good_ - pos_);
    std::memcpy(dst, bytes_.data() + pos_, take);
    pos_ += take;
    return take;
  }
  uint64_t compressed_offset() const override { return pos_; }

 private:
  std::string bytes_;
  size_t good_;
  size_t pos_ = 0;
};

TEST(DecodedLineStream, ASourceErrorComesAfterTheCompleteLinesBeforeIt) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += JobEndLine(i) + "\n";
  const size_t cut = text.find(JobEndLine(20)) + 10;  // inside line 21
  for (int workers : {0, 2}) {
    for (size_t batch : {size_t{64}, size_t{1} << 20}) {
      const Drained d = Drain(std::make_unique<FailingSource>(text, cut), Options(workers, batch));
      ASSERT_EQ(d.lines.size(), 20u);
      EXPECT_EQ(d.lines.back().job, 19);
      EXPECT_EQ(d.status.code(), StatusCode::kCorrupt);
      EXPECT_EQ(d.line_number_at_end, 20);  // the reader warns at line 21
    }
  }
}

TEST(DecodedLineStream, EmptyInputHasNoLines) {
  for (const auto& [input, drain] : Inputs()) {
    SCOPED_TRACE(input);
    const Drained d = drain("", Options(2, 16));
    EXPECT_TRUE(d.status.ok());
    EXPECT_TRUE(d.lines.empty());
    EXPECT_EQ(d.workers, 0);
  }
}

TEST(DecodedLineStream, AFileInOneBatchIsDecodedWithoutThreads) {
  const Drained d = DrainFile(JobEndLine(1) + "\n" + JobEndLine(2) + "\n", Options(3, 1 << 20));
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(d.workers, 0);
}

}  // namespace
}  // namespace sparktune::eventlog
