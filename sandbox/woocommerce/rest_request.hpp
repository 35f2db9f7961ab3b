#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/time.hpp"
#include "sandbox/woocommerce/oauth1.hpp"
#include "sandbox/woocommerce/wp_error.hpp"

// One REST call as the WooCommerce handlers see it, and WordPress's readers of its parameters
// (rest_validate_value_from_schema's types, ranges and enums, with its messages). Plain data;
// the readers are pure.
namespace scs::sandbox::woocommerce {

struct RestRequest {
    std::string method;
    std::string raw_path;   // as received: "/woocommerce/demo/wp-json/wc/v3/orders"
    std::string raw_query;  // after the '?', still encoded
    PhpParams query;
    boost::json::object body;                 // JSON body, or form fields as strings
    std::map<std::string, std::string> path;  // "id", "vid", … from the route
    std::string route;                        // "/wc/v3/orders/{id}"

    // A parameter in WordPress's order for this method: the body (JSON or form) first, then the
    // query string. Query scalars come back as strings, PHP arrays ("k[]=", "k[0]=") with
    // integer keys as JSON arrays in arrival order, PHP arrays with named keys as objects.
    std::optional<boost::json::value> Param(std::string_view name) const;
    int64_t PathId(const std::string& name) const;  // 0 when absent or not a number
};

// An integer (or an integral numeric string) in [low, high]; `fallback` when absent.
std::optional<int64_t> ReadInt(const RestRequest& request,
                               const std::string& name,
                               int64_t fallback,
                               int64_t low,
                               int64_t high,
                               ParamErrors& errors);
// true/false, "true"/"false", "1"/"0", 1/0; `fallback` when absent.
bool ReadBool(const RestRequest& request,
              const std::string& name,
              bool fallback,
              ParamErrors& errors);
// A string from `allowed`; `fallback` when absent.
std::string ReadEnum(const RestRequest& request,
                     const std::string& name,
                     const std::vector<std::string>& allowed,
                     const std::string& fallback,
                     ParamErrors& errors);
// A string parameter; `fallback` when absent, an error when not a string.
std::string ReadString(const RestRequest& request,
                       const std::string& name,
                       const std::string& fallback,
                       ParamErrors& errors);
// Array parameters are read as rest_is_array and rest_sanitize_array read them: a JSON array,
// "k[]=1&k[]=2", "k[0]=1&k[1]=2", or a scalar split by wp_parse_list ("1, 2" on commas and
// white space, empty items dropped). Anything else is "<name> is not of type array."; a bad item
// "<name>[<index>] is not …" (rest_invalid_param with data.params and data.details).
// An array of integers.
std::vector<int64_t> ReadIdList(const RestRequest& request,
                                const std::string& name,
                                ParamErrors& errors);
// An array of strings, each in `allowed` when `allowed` is not empty.
std::vector<std::string> ReadStringList(const RestRequest& request,
                                        const std::string& name,
                                        const std::vector<std::string>& allowed,
                                        ParamErrors& errors);
// An ISO 8601 date parameter; without an offset it is read at `offset_minutes` east of UTC.
std::optional<TimePoint> ReadDate(const RestRequest& request,
                                  const std::string& name,
                                  int offset_minutes,
                                  ParamErrors& errors);

// wp_sprintf's "%l": "a", "a and b", "a, b, and c".
std::string WpList(const std::vector<std::string>& items);

}  // namespace scs::sandbox::woocommerce
