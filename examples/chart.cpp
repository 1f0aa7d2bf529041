// chart MODEL [--log] [--all] [--memory] [--dot]: writes the SVG chart of a zoo network's weights and
// connections per layer to standard output, to open in a browser:
//   chart alexnet > alexnet.svg
// --log draws both panels on a log scale; --all lists the layers without weights as well (in
// the graph too: without it, the graph joins the layers with weights and the merges).
// --memory adds the memory profile: the activations alive while each layer runs, the peak
// marked (the schedule of docs/deploy.md).
// --dot writes the layer graph for Graphviz instead: chart resnet18 --dot | dot -Tsvg > g.svg
#include <iostream>
#include <string>
#include <string_view>

#include <netcount/report.hpp>

#include "zoo_models.hpp"

namespace nc = netcount;

int main(int argc, char** argv) {
    std::string_view wanted;
    nc::svg_options options;
    bool graph = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--log")
            options.scale = nc::axis_scale::log;
        else if (arg == "--all")
            options.all_layers = true;
        else if (arg == "--memory")
            options.memory_profile = true;
        else if (arg == "--dot")
            graph = true;
        else
            wanted = arg;
    }
    std::string out;
    const std::string title = std::string(wanted) + ": weights and connections per layer";
    options.title = title;
    zoo_models::for_each([&]<class Model>() {
        if (Model::name != wanted) return;
        using net = typename Model::network;
        out = graph ? nc::to_dot<net>({.all_layers = options.all_layers}) : nc::to_svg<net>(options);
    });
    if (out.empty()) {
        std::cerr << "usage: chart MODEL [--log] [--all] [--memory] [--dot] > MODEL.svg\nmodels:";
        zoo_models::for_each([]<class Model>() { std::cerr << ' ' << Model::name; });
        std::cerr << '\n';
        return 2;
    }
    std::cout << out;
}
