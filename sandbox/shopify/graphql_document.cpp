#include "sandbox/shopify/graphql_document.hpp"

#include <cctype>
#include <charconv>
#include <optional>

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
        SkipIgnored();
        if (PeekName() == "mutation") {
            operation.is_mutation = true;
        }
        if (PeekName() == "query" || PeekName() == "mutation" || PeekName() == "subscription") {
            ReadName();
            SkipOperationHeader();
        }
        operation.fields = ReadSelectionSet();
        SkipIgnored();
        if (!error_ && pos_ < text_.size()) {
            SetError("only one operation per document is supported");
        }
        if (error_) {
            return Fail(ErrorCode::kBadRequest, *error_);
        }
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

    // Name, variable definitions and directives of the operation: not needed, skipped whole.
    void SkipOperationHeader() {
        if (!PeekName().empty()) {
            ReadName();
        }
        if (Accept('(')) {
            SkipUntilClosing('(', ')');
        }
        SkipDirectives();
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

    void ReadInlineFragment(std::vector<GraphqlField>& fields) {
        pos_ += 3;
        if (PeekName() != "on") {
            SetError("named fragments are not supported by the sandbox");
            return;
        }
        ReadName();
        ReadName();
        SkipDirectives();
        for (auto& field : ReadSelectionSet()) {
            fields.push_back(std::move(field));
        }
    }

    GraphqlField ReadField() {
        GraphqlField field;
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
            const auto* found = variables_.if_contains(ReadName());
            return found != nullptr ? *found : json::value(nullptr);
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

    void SetError(std::string message) {
        if (!error_) {
            error_ = std::move(message);
        }
        pos_ = text_.size();
    }

    std::string_view text_;
    const json::object& variables_;
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
    json::object out;
    for (const auto& field : fields) {
        const auto* found = value.get_object().if_contains(field.name);
        if (found == nullptr) {
            out[field.alias] = nullptr;
        } else if (field.selections.empty()) {
            out[field.alias] = *found;
        } else {
            out[field.alias] = Project(field.selections, *found);
        }
    }
    return out;
}

}  // namespace scs::sandbox
