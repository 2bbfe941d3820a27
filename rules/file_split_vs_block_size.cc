// ST310 file-split-vs-block-size: spark.sql.files.maxPartitionBytes not
// matched to the storage block size (eBay: "split files by block size",
// seed-cases.md). Splits much smaller than a block multiply tasks and
// re-read block headers; splits that are not a whole number of blocks
// straddle block boundaries and lose locality; splits spanning many blocks
// make few, long tasks (FilePartition.maxSplitBytes, spark-reference.md 6.4).
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kFilesMaxPartitionBytes)) return;
  std::optional<int64_t> split = ctx.Bytes(keys::kFilesMaxPartitionBytes);
  if (!split || *split <= 0) return;
  int64_t block = ctx.IsSet(keys::kHadoopDfsBlockSize)
                      ? ctx.Bytes(keys::kHadoopDfsBlockSize).value_or(0)
                      : ctx.OptionBytes("block_size", 'm');
  if (block <= 0) return;
  const double min_fraction = ctx.OptionNumber("min_fraction");
  const double max_blocks = ctx.OptionNumber("max_blocks");
  std::string what;
  if (static_cast<double>(*split) < min_fraction * static_cast<double>(block)) {
    what = "is less than " + ctx.OptionText("min_fraction") + " of";
  } else if (static_cast<double>(*split) > max_blocks * static_cast<double>(block)) {
    what = "spans more than " + ctx.OptionText("max_blocks") + " blocks of";
  } else if (*split > block && *split % block != 0) {
    what = "is not a whole number of blocks of";
  } else if (*split < block && block % *split != 0) {
    what = "does not divide";
  } else {
    return;
  }
  ctx.Report(ctx.LocationOf(keys::kFilesMaxPartitionBytes),
             "spark.sql.files.maxPartitionBytes (" + FormatBytes(*split) + ") " + what + " the " +
                 FormatBytes(block) + " block size; align splits with blocks",
             std::string(keys::kFilesMaxPartitionBytes));
}

}  // namespace

const Rule& FileSplitVsBlockSizeRule() {
  static const Rule rule{
      .id = "ST310",
      .slug = "file-split-vs-block-size",
      .default_severity = Severity::kWarning,
      .summary = "File scan split size not aligned with the storage block size.",
      .options = {{"block_size", "128m",
                   "Storage block size (spark.hadoop.dfs.blocksize wins when set)."},
                  {"min_fraction", "0.25", "Smallest split as a fraction of a block."},
                  {"max_blocks", "8", "Most blocks per split."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
