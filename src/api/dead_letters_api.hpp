#pragma once

#include <functional>
#include <map>
#include <string>

#include "api/auth.hpp"
#include "http/router.hpp"
#include "jobs/queue.hpp"

namespace scs {

// Operations on dead letters (DESIGN §7): GET /api/v1/dead_letters?queue=&limit= lists them,
// oldest first per queue; POST /api/v1/dead_letters/{id}/retry puts one back at the end of its
// group in the queue it died in. Ids are "<queue>:<message id>". Dead letters hold jobs of
// every seller, so both need the admin token (a seller token gets 403). The queues (by name
// without prefix) are the composition root's and outlive this. Thread-safe.
class DeadLettersApi {
public:
    explicit DeadLettersApi(std::map<std::string, Queue*, std::less<>> queues)
        : queues_(std::move(queues)) {}

    HttpResponse List(HttpRequest& request, const Principal& principal) const;
    HttpResponse Retry(HttpRequest& request, const Principal& principal) const;

private:
    std::map<std::string, Queue*, std::less<>> queues_;
};

// Registers the routes above, each behind bearer-token authentication.
void AddDeadLetterRoutes(Router& router, const DeadLettersApi& api, const TokenAuthenticator& auth);

}  // namespace scs
