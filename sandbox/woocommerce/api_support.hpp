#pragma once

#include <functional>
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "http/response.hpp"
#include "sandbox/woocommerce/rest_request.hpp"
#include "sandbox/woocommerce/woo_site.hpp"

// What the REST handlers of one site share: the call they answer and the shapes of their
// answers (single objects, paged collections, batches). Handlers are stateless functions of a
// RestContext; the site does the locking.
namespace scs::sandbox::woocommerce {

struct RestContext {
    WooSite& site;
    const RestRequest& request;
    TimePoint now;
};

// A created/updated/fetched object with `status`, or the WordPress error.
HttpResponse Respond(const WpResult<boost::json::object>& result, int status = 200);
HttpResponse RespondList(const WpResult<boost::json::array>& result);

// A collection page with X-WP-Total, X-WP-TotalPages and Link; `collection` is the route's
// path under wp-json ("/wc/v3/orders").
HttpResponse RespondPage(const RestContext& context,
                         const ListPage& page,
                         const CollectionParams& params,
                         const std::string& collection);

// The create/update/delete operations a batch route runs for its items.
struct BatchOps {
    std::function<WpResult<boost::json::object>(const boost::json::object&)> create;
    std::function<WpResult<boost::json::object>(int64_t, const boost::json::object&)> update;
    std::function<WpResult<boost::json::object>(int64_t)> remove;
};

// POST …/batch: at most 100 items in all (else 413), per-item errors inside a 200.
HttpResponse RunBatch(RestContext& context, const BatchOps& ops);

// The "force" query/body flag of DELETE routes.
bool ForceFlag(const RestContext& context);

}  // namespace scs::sandbox::woocommerce
