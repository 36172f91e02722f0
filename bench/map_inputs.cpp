// What a map costs to load before it is drawn (docs/maps.md, "Loading"): the inputs the map and
// report commands read (app::load_map_inputs: the COG, the bundled outlines of the départements
// the territories cover, the taxonomy) for a project whose territories are the départements
// named on the command line. A program, not a test: run under /usr/bin/time -v for the time and
// the peak memory.
//   map_inputs 44                 one territory (Loire-Atlantique)
//   map_inputs --region 44        every département of a région (Grand Est, the largest)
#include <chrono>
#include <iostream>
#include <string>

#include "maillage/app/project.hpp"
#include "maillage/core/text.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/ingest/communes.hpp"

using namespace maillage;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: map_inputs DEPARTEMENT... | --region REGION\n";
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto departements = geo::Departements::load(ingest::reference_data_folder(), core::Lang::En);
    model::Project project;
    auto add = [&](const geo::Departement& d) {
        project.territories.push_back({core::fold(d.name), d.name, d.code, {}});
    };
    if (std::string(argv[1]) == "--region" && argc == 3) {
        for (const auto& d : departements.all())
            if (d.region == argv[2]) add(d);
    } else {
        for (int i = 1; i < argc; ++i)
            if (const auto* d = departements.find(argv[i])) add(*d);
    }
    if (project.territories.empty()) {
        std::cerr << "no such département or région\n";
        return 2;
    }
    const auto inputs = app::load_map_inputs(project, core::Lang::En);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << project.territories.size() << " territories, " << inputs.layers.communes.size() << " communes, "
              << inputs.layers.epci.size() << " EPCI loaded in " << seconds << " s\n";
    return 0;
}
