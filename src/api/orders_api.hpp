#pragma once

#include "api/auth.hpp"
#include "http/router.hpp"
#include "storage/sql.hpp"

namespace scs {

struct OrdersApiDeps {
    SqlExecutor& executor;  // the database holding `orders` (Database::Executor())
};

// A seller's canonical orders as published to the OMS (DESIGN §7):
// GET /api/v1/sellers/{seller_id}/orders?ssc_id=&updated_since=&cursor=&limit= pages through
// them by the time each version was stored; GET /api/v1/sellers/{seller_id}/orders/{id} reads
// one. Orders are answered as stored (order.v1 JSON). A seller-scoped token gets 404 for another
// seller. Holds references to its dependencies, which outlive it; thread-safe.
class OrdersApi {
public:
    explicit OrdersApi(OrdersApiDeps deps) : deps_(deps) {}

    HttpResponse List(HttpRequest& request, const Principal& principal) const;
    HttpResponse Get(HttpRequest& request, const Principal& principal) const;

private:
    OrdersApiDeps deps_;
};

// Registers the routes above, each behind bearer-token authentication.
void AddOrderRoutes(Router& router, const OrdersApi& api, const TokenAuthenticator& auth);

}  // namespace scs
