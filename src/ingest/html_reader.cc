#include "ingest/html_reader.h"

#include "ingest/byte_source.h"
#include "ingest/single_page_reader.h"

namespace tg::ingest {

Result<std::unique_ptr<DocumentStream>> OpenHtmlReader(const std::string& path,
                                                       const ReadOptions& options) {
  TG_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, OpenFileSource(path));
  return NewSinglePageReader(path, std::move(source), ContentKind::kHtml, options);
}

}  // namespace tg::ingest
