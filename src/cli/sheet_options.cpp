#include "sheet_options.hpp"

#include "maillage/core/error.hpp"

namespace maillage::cli {

using core::Msg;

void SheetOptions::declare(Arguments& args, core::Lang lang) {
    args.option_list("--column", core::tr(lang, Msg::OptColumn, ingest::field_keys_list()), &column_specs);
    args.option("--encoding", std::string(core::message(Msg::OptEncoding, lang)), &encoding);
    args.option("--sheet", std::string(core::message(Msg::OptSheet, lang)), &sheet);
}

void SheetOptions::resolve(core::Lang lang, ingest::ColumnMapping& mapping, ingest::ReadOptions& read) const {
    mapping.clear();
    for (const auto& spec : column_specs) mapping.push_back(ingest::parse_column_spec(spec, lang));
    const auto parsed = ingest::parse_encoding(encoding);
    if (!parsed) throw FatalError(core::tr(lang, Msg::UsageUnknownEncoding, encoding));
    read.encoding = *parsed;
    read.sheet.reset();
    if (!sheet.empty()) read.sheet = sheet;
}

} // namespace maillage::cli
