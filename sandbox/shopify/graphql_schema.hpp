#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

// The part of Shopify's Admin API schema the emulator implements, as an explicit table: types ->
// fields -> arguments -> the field's type. A query is validated against it before it runs, as
// Shopify validates against its full schema, so a field or argument the emulator does not serve
// is refused the way Shopify refuses a typo. Pure, thread-safe.
namespace scs::sandbox {

struct SchemaField {
    std::string name;
    std::string type;               // the named type, without list or non-null wrappers
    std::vector<std::string> args;  // accepted arguments; a trailing '!' marks a required one
};

struct SchemaType {
    std::string name;
    std::vector<SchemaField> fields;    // empty for a union
    std::vector<std::string> possible;  // the object types of an interface or union
};

struct GraphqlSchema {
    std::map<std::string, SchemaType, std::less<>> types;  // object, interface and union types

    // The object, interface or union type `name`; nullptr for a scalar, an enum or unknown.
    const SchemaType* Find(std::string_view name) const;
};

// The emulator's schema (built once, then read-only).
const GraphqlSchema& ShopifyAdminSchema();

}  // namespace scs::sandbox
