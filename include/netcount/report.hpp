#ifndef NETCOUNT_REPORT_HPP
#define NETCOUNT_REPORT_HPP

#include <netcount/detail/config.hpp> // first: below C++20, its error comes first

// Reports: the compile-time results as text, data and pictures, each a std::string. A separate
// header, so that code that only static_asserts never includes <string>.
//
//   to_summary<Net, Element>(summary_options) torchinfo's and Keras's summary: a row per entry,
//                                   indented by block, parameters and MACs; totals and bytes
//   to_table<Net>(table_options)   units, weights, parameters, connections per layer, with
//                                   formulas; shares
//   to_markdown<Net>(table_options) the same table in Markdown
//   to_csv<Net>()                   one row per layer
//   to_json<Net>()                  every figure, stable keys, integers
//   to_svg<Net>(svg_options)        weights and connections per layer as bars
//   to_dot<Net>(dot_options)        the layer graph for Graphviz

#include <netcount/report/csv.hpp>
#include <netcount/report/dot.hpp>
#include <netcount/report/format.hpp>
#include <netcount/report/json.hpp>
#include <netcount/report/summary.hpp>
#include <netcount/report/svg.hpp>
#include <netcount/report/table.hpp>

#endif
