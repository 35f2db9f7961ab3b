// The platforms of the connector contract suite: one line each.
#include "contract_platform.hpp"

namespace scs::testing {

void PrintTo(const ContractCase& contract_case, std::ostream* out) {
    *out << contract_case.name;
}

const std::vector<ContractCase>& ContractPlatforms() {
    static const std::vector<ContractCase> kPlatforms{
        {"Shopify", MakeShopifyContractPlatform},
        {"WooCommerce", MakeWooCommerceContractPlatform},
    };
    return kPlatforms;
}

}  // namespace scs::testing
