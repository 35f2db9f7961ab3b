#include "sandbox/shopify/graphql_document.hpp"

#include <cctype>
#include <charconv>
#include <map>
#include <optional>
#include <set>

#include <boost/json/array.hpp>
#include <boost/json/string.hpp>

namespace scs::sandbox {
namespace {

namespace json = boost::json;

bool IsNameStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool IsNameChar(char c) {
    return IsNameStart(c) || std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Recursive descent over the query text. The first error stops the parse: every reader returns
// an empty value once error_ is set, so callers check once at the end.
class GraphqlParser {
public:
    GraphqlParser(std::string_view text, const json::object& variables)
        : text_(text), variables_(variables) {}

    Result<GraphqlOperation> Parse() {
        GraphqlOperation operation;
        bool have_operation = false;
        SkipIgnored();
        while (!error_ && pos_ < text_.size()) {
            if (PeekName() == "fragment") {
                ReadFragmentDefinition();
            } else if (have_operation) {
                SetError("only one operation per document is supported");
            } else {
                ReadOperation(operation);
                have_operation = true;
            }
            SkipIgnored();
        }
        if (!error_ && !have_operation) {
            SetError("Parse error: expected an operation");
        }
        ExpandSpreads(operation.fields, 0, operation);
        for (const auto& [name, fragment] : fragments_) {
            if (used_fragments_.count(name) == 0) {
                operation.unused_fragments.push_back(name);
            }
        }
        if (error_) {
            return Fail(ErrorCode::kBadRequest, *error_);
        }
        operation.used_variables.assign(used_variables_.begin(), used_variables_.end());
        return operation;
    }

private:
    void SkipIgnored() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '#') {
                while (pos_ < text_.size() && text_[pos_] != '\n') {
                    ++pos_;
                }
            } else if (std::isspace(static_cast<unsigned char>(c)) != 0 || c == ',') {
                ++pos_;
            } else {
                return;
            }
        }
    }

    bool Peek(char c) {
        SkipIgnored();
        return pos_ < text_.size() && text_[pos_] == c;
    }

    bool Accept(char c) {
        if (!Peek(c)) {
            return false;
        }
        ++pos_;
        return true;
    }

    void Expect(char c) {
        if (!error_ && !Accept(c)) {
            SetError(std::string("Parse error: expected '") + c + "'");
        }
    }

    std::string_view PeekName() {
        SkipIgnored();
        size_t end = pos_;
        if (end < text_.size() && IsNameStart(text_[end])) {
            while (end < text_.size() && IsNameChar(text_[end])) {
                ++end;
            }
        }
        return text_.substr(pos_, end - pos_);
    }

    std::string ReadName() {
        const std::string_view name = PeekName();
        if (name.empty()) {
            SetError("Parse error: expected a name");
            return {};
        }
        pos_ += name.size();
        return std::string(name);
    }

    void ReadOperation(GraphqlOperation& operation) {
        const std::string_view kind = PeekName();
        operation.is_mutation = kind == "mutation";
        if (kind == "query" || kind == "mutation" || kind == "subscription") {
            ReadName();
            if (!PeekName().empty()) {
                operation.name = ReadName();
            }
            if (Accept('(')) {
                ReadVariableDefinitions(operation.variables);
            }
            SkipDirectives();
        }
        operation.fields = ReadSelectionSet();
    }

    // `($id: ID!, $after: String = null)`; a default joins the variables when none is given.
    void ReadVariableDefinitions(std::vector<GraphqlVariable>& definitions) {
        while (!error_ && !Accept(')')) {
            Expect('$');
            GraphqlVariable definition{ReadName(), "", false};
            Expect(':');
            definition.type = ReadType();
            if (Accept('=')) {
                definition.has_default = true;
                json::value value = ReadValue();
                if (!variables_.contains(definition.name)) {
                    defaults_[definition.name] = std::move(value);
                }
            }
            SkipDirectives();
            definitions.push_back(std::move(definition));
        }
    }

    std::string ReadType() {
        std::string type;
        if (Accept('[')) {
            type = "[" + ReadType() + "]";
            Expect(']');
        } else {
            type = ReadName();
        }
        return Accept('!') ? type + "!" : type;
    }

    // `fragment Name on Type { … }`, kept until the operation's spreads are expanded.
    void ReadFragmentDefinition() {
        ReadName();
        const std::string name = ReadName();
        if (PeekName() != "on") {
            SetError("Parse error: expected 'on' in fragment " + name);
            return;
        }
        ReadName();
        Fragment fragment{ReadName(), {}};
        SkipDirectives();
        fragment.selections = ReadSelectionSet();
        if (fragments_.count(name) > 0) {
            SetError("Fragment name \"" + name + "\" must be unique");
        }
        fragments_[name] = std::move(fragment);
    }

    // Replaces each spread field (named `...Name`, left by ReadInlineFragment) with the fragment's
    // fields under its type condition.
    void ExpandSpreads(std::vector<GraphqlField>& fields, int depth, GraphqlOperation& operation) {
        constexpr int kMaxDepth = 16;
        std::vector<GraphqlField> expanded;
        for (auto& field : fields) {
            if (field.name.rfind(kSpreadPrefix, 0) != 0) {
                ExpandSpreads(field.selections, depth, operation);
                expanded.push_back(std::move(field));
                continue;
            }
            const std::string name = field.name.substr(kSpreadPrefix.size());
            used_fragments_.insert(name);
            const auto found = fragments_.find(name);
            if (found == fragments_.end()) {
                operation.undefined_fragments.push_back(name);
                continue;
            }
            if (depth >= kMaxDepth) {
                SetError("Fragment " + name + " contains an infinite loop");
                return;
            }
            std::vector<GraphqlField> copy = found->second.selections;
            for (auto& inner : copy) {
                inner.on_type = inner.on_type.empty() ? found->second.on_type : inner.on_type;
            }
            ExpandSpreads(copy, depth + 1, operation);
            for (auto& inner : copy) {
                expanded.push_back(std::move(inner));
            }
        }
        fields = std::move(expanded);
    }

    void SkipUntilClosing(char open, char close) {
        int depth = 1;
        while (!error_ && depth > 0) {
            if (pos_ >= text_.size()) {
                SetError("Parse error: unbalanced brackets");
            } else if (text_[pos_] == '"') {
                ReadString();
                continue;
            } else if (text_[pos_] == open) {
                ++depth;
            } else if (text_[pos_] == close) {
                --depth;
            }
            ++pos_;
        }
    }

    void SkipDirectives() {
        while (!error_ && Accept('@')) {
            ReadName();
            if (Accept('(')) {
                SkipUntilClosing('(', ')');
            }
        }
    }

    std::vector<GraphqlField> ReadSelectionSet() {
        std::vector<GraphqlField> fields;
        Expect('{');
        while (!error_ && !Accept('}')) {
            if (pos_ >= text_.size()) {
                SetError("Parse error: unexpected end of document");
            } else if (text_.substr(pos_, 3) == "...") {
                ReadInlineFragment(fields);
            } else {
                fields.push_back(ReadField());
            }
        }
        return fields;
    }

    // `... on Type { … }` merges its fields under the condition (`... { … }` under none);
    // `...Name` leaves a spread field of that name, which ExpandSpreads replaces once every
    // fragment is read.
    void ReadInlineFragment(std::vector<GraphqlField>& fields) {
        pos_ += 3;
        std::string on_type;
        if (PeekName() == "on") {
            ReadName();
            on_type = ReadName();
        } else if (!PeekName().empty()) {
            GraphqlField spread;
            spread.name = std::string(kSpreadPrefix) + ReadName();
            SkipDirectives();
            fields.push_back(std::move(spread));
            return;
        }
        SkipDirectives();
        for (auto& field : ReadSelectionSet()) {
            field.on_type = field.on_type.empty() ? on_type : field.on_type;
            fields.push_back(std::move(field));
        }
    }

    GraphqlField ReadField() {
        GraphqlField field;
        SkipIgnored();
        SetLocation(field);
        field.name = ReadName();
        if (Accept(':')) {
            field.alias = field.name;
            field.name = ReadName();
        } else {
            field.alias = field.name;
        }
        ReadArguments(field.args);
        while (!error_ && Accept('@')) {
            GraphqlDirective directive{ReadName(), {}};
            ReadArguments(directive.args);
            field.directives.push_back(std::move(directive));
        }
        if (Peek('{')) {
            field.selections = ReadSelectionSet();
        }
        return field;
    }

    void ReadArguments(json::object& args) {
        if (!Accept('(')) {
            return;
        }
        while (!error_ && !Accept(')')) {
            std::string key = ReadName();
            Expect(':');
            args[key] = ReadValue();
        }
    }

    json::value ReadValue() {
        SkipIgnored();
        if (error_ || pos_ >= text_.size()) {
            SetError("Parse error: expected a value");
            return nullptr;
        }
        const char c = text_[pos_];
        if (c == '$') {
            ++pos_;
            const std::string name = ReadName();
            used_variables_.insert(name);
            if (const auto* found = variables_.if_contains(name)) {
                return *found;
            }
            const auto fallback = defaults_.find(name);
            return fallback != defaults_.end() ? fallback->second : json::value(nullptr);
        }
        if (c == '"') {
            return json::string(ReadString());
        }
        if (c == '[') {
            return ReadList();
        }
        if (c == '{') {
            return ReadObject();
        }
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c)) != 0) {
            return ReadNumber();
        }
        return ReadKeywordOrEnum();
    }

    json::value ReadKeywordOrEnum() {
        const std::string name = ReadName();
        if (name == "true" || name == "false") {
            return name == "true";
        }
        if (name == "null") {
            return nullptr;
        }
        return json::string(name);
    }

    json::value ReadList() {
        ++pos_;
        json::array list;
        while (!error_ && !Accept(']')) {
            list.push_back(ReadValue());
        }
        return list;
    }

    json::value ReadObject() {
        ++pos_;
        json::object object;
        while (!error_ && !Accept('}')) {
            std::string key = ReadName();
            Expect(':');
            object[key] = ReadValue();
        }
        return object;
    }

    json::value ReadNumber() {
        size_t end = pos_ + 1;
        bool is_float = false;
        while (end < text_.size() &&
               (std::isdigit(static_cast<unsigned char>(text_[end])) != 0 ||
                std::string_view(".eE+-").find(text_[end]) != std::string_view::npos)) {
            is_float = is_float || !std::isdigit(static_cast<unsigned char>(text_[end]));
            ++end;
        }
        const std::string_view digits = text_.substr(pos_, end - pos_);
        pos_ = end;
        if (is_float) {
            return std::stod(std::string(digits));
        }
        int64_t number = 0;
        const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), number);
        if (parsed.ec != std::errc() || parsed.ptr != digits.data() + digits.size()) {
            SetError("Parse error: invalid number");
        }
        return number;
    }

    // A "..." string; escapes other than \" \\ \/ \n \t read as the escaped character.
    std::string ReadString() {
        std::string out;
        ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"') {
            char c = text_[pos_++];
            if (c == '\\' && pos_ < text_.size()) {
                c = text_[pos_++];
                c = c == 'n' ? '\n' : (c == 't' ? '\t' : c);
            }
            out.push_back(c);
        }
        if (pos_ >= text_.size()) {
            SetError("Parse error: unterminated string");
        }
        ++pos_;
        return out;
    }

    void SetLocation(GraphqlField& field) const {
        field.line = 1;
        size_t line_start = 0;
        for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++field.line;
                line_start = i + 1;
            }
        }
        field.column = static_cast<int>(pos_ - line_start) + 1;
    }

    void SetError(std::string message) {
        if (!error_) {
            error_ = std::move(message);
        }
        pos_ = text_.size();
    }

    struct Fragment {
        std::string on_type;
        std::vector<GraphqlField> selections;
    };

    static constexpr std::string_view kSpreadPrefix = "...";

    std::string_view text_;
    const json::object& variables_;
    std::map<std::string, json::value> defaults_;
    std::map<std::string, Fragment> fragments_;
    std::set<std::string> used_fragments_;
    std::set<std::string> used_variables_;
    size_t pos_ = 0;
    std::optional<std::string> error_;
};

}  // namespace

Result<GraphqlOperation> ParseGraphql(std::string_view query, const json::object& variables) {
    return GraphqlParser(query, variables).Parse();
}

const GraphqlDirective* FindDirective(const GraphqlField& field, std::string_view name) {
    for (const auto& directive : field.directives) {
        if (directive.name == name) {
            return &directive;
        }
    }
    return nullptr;
}

namespace {

// Merges `more` into `into`: objects key by key, arrays element by element.
void MergeSelected(json::value& into, json::value more) {
    if (into.is_object() && more.is_object()) {
        for (auto& [key, value] : more.get_object()) {
            auto* existing = into.get_object().if_contains(key);
            if (existing == nullptr) {
                into.get_object()[key] = std::move(value);
            } else {
                MergeSelected(*existing, std::move(value));
            }
        }
    } else if (into.is_array() && more.is_array() &&
               into.get_array().size() == more.get_array().size()) {
        for (size_t i = 0; i < more.get_array().size(); ++i) {
            MergeSelected(into.get_array()[i], std::move(more.get_array()[i]));
        }
    }
}

// The concrete type of `value`, when it says ("" otherwise).
std::string_view TypenameOf(const json::object& value) {
    const auto* name = value.if_contains("__typename");
    if (name == nullptr || !name->is_string()) {
        return "";
    }
    const json::string& text = name->get_string();
    return {text.data(), text.size()};
}

}  // namespace

json::value Project(const std::vector<GraphqlField>& fields, const json::value& value) {
    if (value.is_array()) {
        json::array out;
        for (const auto& element : value.get_array()) {
            out.push_back(Project(fields, element));
        }
        return out;
    }
    if (!value.is_object()) {
        return value;
    }
    const std::string_view type = TypenameOf(value.get_object());
    json::object out;
    for (const auto& field : fields) {
        if (!field.on_type.empty() && !type.empty() && field.on_type != type) {
            continue;
        }
        json::value selected;
        const auto* found = value.get_object().if_contains(field.name);
        if (field.name == "__typename") {
            selected = type.empty() ? json::value(field.parent_type) : json::value(type);
        } else if (found != nullptr) {
            selected = field.selections.empty() ? *found : Project(field.selections, *found);
        }
        if (auto* existing = out.if_contains(field.alias)) {
            MergeSelected(*existing, std::move(selected));
        } else {
            out[field.alias] = std::move(selected);
        }
    }
    return out;
}

}  // namespace scs::sandbox
