#pragma once

#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "sandbox/shopify/graphql_document.hpp"
#include "sandbox/shopify/graphql_schema.hpp"

// What Shopify checks before it runs a document, with its messages and extension codes: every
// field and argument exists on its type (undefinedField, argumentNotAccepted), required
// arguments are given (missingRequiredArguments), objects have selections and scalars none
// (selectionMismatch), fragments are defined, used and can apply (useAndDefineFragment,
// undefinedType, cannotSpreadFragment), variables are declared and used (variableNotDefined,
// variableNotUsed), and then that required variables have a value ("Variable $x of type T! was
// provided invalid value"). Pure, thread-safe.
namespace scs::sandbox {

struct GraphqlError {
    std::string message;
    boost::json::object extensions;
    boost::json::array locations;  // [{line, column}]
    boost::json::array path;       // ["query Name", "field", …]; empty when not about a field
};

// The errors of `operation` against `schema`; none when it may run. Sets each field's
// parent_type on the way (what `__typename` reads when the value does not say).
std::vector<GraphqlError> ValidateDocument(GraphqlOperation& operation,
                                           const GraphqlSchema& schema,
                                           const boost::json::object& variables);

// One entry of a response's top-level "errors" array.
boost::json::object ErrorJson(const GraphqlError& error);

}  // namespace scs::sandbox
