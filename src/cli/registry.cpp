#include "check_command.hpp"
#include "command.hpp"
#include "diagram_command.hpp"
#include "export_command.hpp"
#include "forget_command.hpp"
#include "ingest_command.hpp"
#include "invite_command.hpp"
#include "map_command.hpp"
#include "metrics_command.hpp"
#include "report_command.hpp"
#include "resolve_command.hpp"
#include "summary_command.hpp"
#include "unmobilised_command.hpp"

namespace maillage::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<SummaryCommand>());
    commands.push_back(std::make_unique<IngestCommand>());
    commands.push_back(std::make_unique<MetricsCommand>());
    commands.push_back(std::make_unique<UnmobilisedCommand>());
    commands.push_back(std::make_unique<InviteCommand>());
    commands.push_back(std::make_unique<DiagramCommand>());
    commands.push_back(std::make_unique<MapCommand>());
    commands.push_back(std::make_unique<ForgetCommand>());
    commands.push_back(std::make_unique<CheckCommand>());
    commands.push_back(std::make_unique<ResolveCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<ReportCommand>());
    return commands;
}

} // namespace maillage::cli
