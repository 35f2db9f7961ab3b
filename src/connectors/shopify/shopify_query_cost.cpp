#include "connectors/shopify/shopify_query_cost.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

namespace scs {
namespace {

constexpr int kMaxPageSize = 250;

// One field of a selection set: its name, its first/last argument, its own selection.
struct Field {
    std::string name;
    int first = -1;  // -1: not a connection
    std::vector<Field> children;
};

class SelectionParser {
public:
    explicit SelectionParser(std::string_view text) : text_(text) {}

    // Fields until the closing brace of the current level (or the end).
    std::vector<Field> ParseFields() {
        std::vector<Field> fields;
        while (SkipSpace(), pos_ < text_.size() && text_[pos_] != '}') {
            if (text_.substr(pos_, 3) == "...") {
                ParseInlineFragment(fields);
                continue;
            }
            const std::string name = ReadName();
            if (name.empty()) {
                ++pos_;  // a stray character: skip it rather than loop
                continue;
            }
            fields.push_back(ParseField(name));
        }
        if (pos_ < text_.size()) {
            ++pos_;  // the closing brace
        }
        return fields;
    }

private:
    Field ParseField(const std::string& name) {
        Field field{name, -1, {}};
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == '(') {
            field.first = ParseArguments();
            SkipSpace();
        }
        if (pos_ < text_.size() && text_[pos_] == '{') {
            ++pos_;
            field.children = ParseFields();
        }
        return field;
    }

    // `... on Type { fields }`: its fields join the enclosing selection.
    void ParseInlineFragment(std::vector<Field>& fields) {
        pos_ += 3;
        SkipSpace();
        if (ReadName() == "on") {
            SkipSpace();
            ReadName();
        }
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == '{') {
            ++pos_;
            for (Field& child : ParseFields()) {
                fields.push_back(std::move(child));
            }
        }
    }

    // Skips "( ... )" and returns the literal value of first: or last:, else -1.
    int ParseArguments() {
        const size_t close = text_.find(')', pos_);
        const std::string_view args =
            text_.substr(pos_ + 1, close == std::string_view::npos ? close : close - pos_ - 1);
        pos_ = close == std::string_view::npos ? text_.size() : close + 1;
        for (const std::string_view key : {"first:", "last:"}) {
            const size_t at = args.find(key);
            if (at == std::string_view::npos) {
                continue;
            }
            size_t digit = at + key.size();
            while (digit < args.size() && args[digit] == ' ') {
                ++digit;
            }
            int value = 0;
            while (digit < args.size() && std::isdigit(static_cast<unsigned char>(args[digit]))) {
                value = std::min(value * 10 + (args[digit] - '0'), kMaxPageSize);
                ++digit;
            }
            return value;
        }
        return -1;
    }

    std::string ReadName() {
        const size_t start = pos_;
        while (pos_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[pos_])) != 0 || text_[pos_] == '_')) {
            ++pos_;
        }
        return std::string(text_.substr(start, pos_ - start));
    }

    void SkipSpace() {
        while (pos_ < text_.size() &&
               (std::isspace(static_cast<unsigned char>(text_[pos_])) != 0 || text_[pos_] == ',')) {
            ++pos_;
        }
    }

    std::string_view text_;
    size_t pos_ = 0;
};

int SelectionCost(const std::vector<Field>& fields);

// 1 for the node itself plus its fields; `edges { node { … } }` reads through to the node.
int NodeCost(const std::vector<Field>& wrapper_children, bool edges) {
    if (!edges) {
        return 1 + SelectionCost(wrapper_children);
    }
    int cost = 1;
    for (const Field& child : wrapper_children) {
        cost += child.name == "node" ? SelectionCost(child.children) : 0;
    }
    return cost;
}

// A connection (nodes/edges) or, without them, a list sized by `first` (Order.fulfillments).
int ConnectionCost(const Field& field) {
    int per_node = 0;
    int once = 0;
    const bool wrapped =
        std::any_of(field.children.begin(), field.children.end(), [](const Field& child) {
            return child.name == "nodes" || child.name == "edges";
        });
    if (!wrapped) {
        return 2 + field.first * (1 + SelectionCost(field.children));
    }
    for (const Field& child : field.children) {
        if (child.name == "nodes" || child.name == "edges") {
            per_node = std::max(per_node, NodeCost(child.children, child.name == "edges"));
        } else if (child.name != "pageInfo") {
            once += child.children.empty() ? 0 : 1 + SelectionCost(child.children);
        }
    }
    return 2 + field.first * per_node + once;
}

int SelectionCost(const std::vector<Field>& fields) {
    int cost = 0;
    for (const Field& field : fields) {
        if (field.first >= 0) {
            cost += ConnectionCost(field);
        } else if (!field.children.empty()) {
            cost += 1 + SelectionCost(field.children);
        }
    }
    return cost;
}

}  // namespace

int ShopifySelectionCost(std::string_view selection) {
    SelectionParser parser(selection);
    return SelectionCost(parser.ParseFields());
}

int ShopifyNodeCost(std::string_view node_selection) {
    return 1 + ShopifySelectionCost(node_selection);
}

int ShopifyPageSizeWithin(int node_cost, int overhead, int wanted, int max_cost) {
    const int room = max_cost - overhead - 2;
    const int fits = node_cost > 0 ? room / node_cost : kMaxPageSize;
    return std::clamp(std::min({fits, wanted, kMaxPageSize}), 1, kMaxPageSize);
}

std::chrono::milliseconds ShopifyThrottleWait(double requested,
                                              double available,
                                              double restore_rate,
                                              std::chrono::milliseconds fallback) {
    if (!(restore_rate > 0)) {
        return fallback;
    }
    const double missing = requested - available;
    if (!(missing > 0)) {
        return std::chrono::milliseconds(0);
    }
    return std::chrono::milliseconds(std::llround(std::ceil(missing / restore_rate * 1000.0)));
}

}  // namespace scs
