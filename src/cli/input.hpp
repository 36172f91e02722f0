// The command line reads its inputs through the application layer (app/project.hpp).
#pragma once

#include <iosfwd>

#include "maillage/app/project.hpp"

namespace maillage::cli {

using app::find_territory;
using app::is_store;
using app::load_geography;
using app::load_input;
using app::load_map_inputs;
using app::LoadedInput;
using app::MapInputs;
using app::node_labels;
using app::person_labels;
using app::require_editions;
using app::window_of;
using app::window_place;
using app::window_title;

/// Writes the diagnostics of sheets read here (none for a store) to `err`; the exit code
/// (1 when a row had errors).
int report_diagnostics(std::ostream& err, const LoadedInput& in, core::Lang lang);

} // namespace maillage::cli
