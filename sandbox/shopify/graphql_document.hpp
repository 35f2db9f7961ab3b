#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/result.hpp"

// A deliberately small GraphQL reader for the sandbox: one operation with its variable
// definitions, fields with arguments, selections and directives, named fragments; fragments
// (inline or named) are merged into their parent, each field keeping its type condition. Enough
// to recognise the operations a Shopify client sends, validate them (graphql_validation.hpp),
// read their arguments and project the answer. Pure, thread-safe.
namespace scs::sandbox {

// A directive on a field, such as @idempotent(key: $key): its arguments read like field arguments.
struct GraphqlDirective {
    std::string name;  // without the '@'
    boost::json::object args;
};

struct GraphqlField {
    std::string alias;  // the response key: the alias, or the name when there is none
    std::string name;
    boost::json::object args;  // variables already substituted; enums read as strings
    std::vector<GraphqlField> selections;
    std::vector<GraphqlDirective> directives;
    std::string on_type;      // the type condition of the fragment it came from; "" for none
    std::string parent_type;  // the type it is selected on, set by validation (for __typename)
    int line = 0;             // where it starts in the document, 1-based
    int column = 0;
};

// A variable definition of the operation: `$id: ID! = "…"`.
struct GraphqlVariable {
    std::string name;  // without the '$'
    std::string type;  // as written: "ID!", "[ID!]!"
    bool has_default = false;
};

// The directive `name` on `field`, or nullptr.
const GraphqlDirective* FindDirective(const GraphqlField& field, std::string_view name);

struct GraphqlOperation {
    bool is_mutation = false;
    std::string name;  // the operation's name; "" when anonymous
    std::vector<GraphqlField> fields;
    std::vector<GraphqlVariable> variables;
    std::vector<std::string> used_variables;       // every $name the document reads
    std::vector<std::string> undefined_fragments;  // spread but never defined
    std::vector<std::string> unused_fragments;     // defined but never spread
};

// Parses `query`, substituting `variables` (a variable not given reads as its default, else
// null). kBadRequest with a GraphQL-style message on a syntax error or a fragment cycle.
[[nodiscard]] Result<GraphqlOperation> ParseGraphql(std::string_view query,
                                                    const boost::json::object& variables);

// The fields of `fields` picked out of `value`, recursively; arrays are projected element-wise.
// A selected field the value lacks reads as null; a field under a type condition is left out of
// a value whose "__typename" differs; `__typename` reads the value's, else the field's
// parent_type; fields selected twice under one key are merged.
boost::json::value Project(const std::vector<GraphqlField>& fields,
                           const boost::json::value& value);

}  // namespace scs::sandbox
