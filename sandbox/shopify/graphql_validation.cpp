#include "sandbox/shopify/graphql_validation.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

namespace scs::sandbox {
namespace {

namespace json = boost::json;

bool Contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

const SchemaField* FindField(const SchemaType& type, std::string_view name) {
    for (const auto& field : type.fields) {
        if (field.name == name) {
            return &field;
        }
    }
    return nullptr;
}

class DocumentValidator {
public:
    DocumentValidator(const GraphqlSchema& schema, std::string operation_path)
        : schema_(schema), operation_path_(std::move(operation_path)) {}

    void CheckSelection(std::vector<GraphqlField>& fields,
                        const SchemaType& parent,
                        const json::array& path) {
        for (auto& field : fields) {
            const SchemaType* scope = ConditionScope(field, parent, path);
            if (scope != nullptr) {
                CheckField(field, *scope, path);
            }
        }
    }

    std::vector<GraphqlError> Take() { return std::exchange(errors_, {}); }

    void Add(std::string message,
             json::object extensions,
             const GraphqlField* at = nullptr,
             json::array path = {}) {
        GraphqlError error{std::move(message), std::move(extensions), {}, std::move(path)};
        if (at != nullptr && at->line > 0) {
            error.locations.push_back({{"line", at->line}, {"column", at->column}});
        }
        errors_.push_back(std::move(error));
    }

    const std::string& OperationPath() const { return operation_path_; }

private:
    // The type a field is read on: its fragment's condition when it has one and that applies.
    const SchemaType* ConditionScope(const GraphqlField& field,
                                     const SchemaType& parent,
                                     const json::array& path) {
        if (field.on_type.empty() || field.on_type == parent.name) {
            return &parent;
        }
        const SchemaType* condition = schema_.Find(field.on_type);
        if (condition == nullptr) {
            Add("No such type " + field.on_type + ", so it can't be a fragment condition",
                {{"code", "undefinedType"}, {"typeName", field.on_type}},
                &field,
                path);
            return nullptr;
        }
        if (!Contains(parent.possible, condition->name) &&
            !Contains(condition->possible, parent.name)) {
            Add("Fragment on " + condition->name + " can't be spread inside " + parent.name,
                {{"code", "cannotSpreadFragment"},
                 {"typeName", condition->name},
                 {"parentName", parent.name}},
                &field,
                path);
            return nullptr;
        }
        return condition;
    }

    void CheckField(GraphqlField& field, const SchemaType& scope, const json::array& parent_path) {
        json::array path = parent_path;
        path.push_back(json::string(field.alias));
        field.parent_type = scope.name;
        if (field.name == "__typename") {
            CheckLeaf(field, "String", path);
            return;
        }
        const SchemaField* definition = FindField(scope, field.name);
        if (definition == nullptr) {
            Add("Field '" + field.name + "' doesn't exist on type '" + scope.name + "'",
                {{"code", "undefinedField"}, {"typeName", scope.name}, {"fieldName", field.name}},
                &field,
                path);
            return;
        }
        CheckArguments(field, *definition, path);
        CheckDirectives(field, path);
        if (const SchemaType* type = schema_.Find(definition->type)) {
            if (field.selections.empty()) {
                Add("Field must have selections (field '" + field.name + "' returns " +
                        definition->type + " but has no selections. Did you mean '" + field.name +
                        " { ... }'?)",
                    {{"code", "selectionMismatch"},
                     {"nodeName", "field '" + field.name + "'"},
                     {"typeName", definition->type}},
                    &field,
                    path);
                return;
            }
            CheckSelection(field.selections, *type, path);
            return;
        }
        CheckLeaf(field, definition->type, path);
    }

    void CheckLeaf(const GraphqlField& field, const std::string& type, const json::array& path) {
        if (field.selections.empty()) {
            return;
        }
        std::string names;
        for (const auto& selected : field.selections) {
            names += (names.empty() ? "" : ", ") + selected.name;
        }
        Add("Selections can't be made on scalars (field '" + field.name + "' returns " + type +
                " but has selections [" + names + "])",
            {{"code", "selectionMismatch"},
             {"nodeName", "field '" + field.name + "'"},
             {"typeName", type}},
            &field,
            path);
    }

    void CheckArguments(const GraphqlField& field,
                        const SchemaField& definition,
                        const json::array& path) {
        for (const auto& arg : field.args) {
            const std::string name(arg.key());
            if (!Contains(definition.args, name) && !Contains(definition.args, name + "!")) {
                json::array arg_path = path;
                arg_path.push_back(json::string(name));
                Add("Field '" + field.name + "' doesn't accept argument '" + name + "'",
                    {{"code", "argumentNotAccepted"},
                     {"name", field.name},
                     {"typeName", "Field"},
                     {"argumentName", name}},
                    &field,
                    std::move(arg_path));
            }
        }
        std::string missing;
        for (const auto& arg : definition.args) {
            if (arg.back() == '!' && !field.args.contains(arg.substr(0, arg.size() - 1))) {
                missing += (missing.empty() ? "" : ", ") + arg.substr(0, arg.size() - 1);
            }
        }
        if (!missing.empty()) {
            Add("Field '" + field.name + "' is missing required arguments: " + missing,
                {{"code", "missingRequiredArguments"},
                 {"className", "Field"},
                 {"name", field.name},
                 {"arguments", missing}},
                &field,
                path);
        }
    }

    // The one directive the emulator implements: @idempotent(key:) on inventorySetQuantities.
    void CheckDirectives(const GraphqlField& field, const json::array& path) {
        for (const auto& directive : field.directives) {
            if (directive.name != "idempotent") {
                Add("Directive @" + directive.name + " is not defined",
                    {{"code", "undefinedDirective"}, {"directiveName", directive.name}},
                    &field,
                    path);
            }
        }
    }

    const GraphqlSchema& schema_;
    std::string operation_path_;
    std::vector<GraphqlError> errors_;
};

void CheckFragments(const GraphqlOperation& operation, DocumentValidator& validator) {
    for (const auto& name : operation.undefined_fragments) {
        validator.Add("Fragment " + name + " was used, but not defined",
                      {{"code", "useAndDefineFragment"}, {"fragmentName", name}});
    }
    for (const auto& name : operation.unused_fragments) {
        validator.Add("Fragment " + name + " was defined, but not used",
                      {{"code", "useAndDefineFragment"}, {"fragmentName", name}});
    }
}

void CheckVariableUse(const GraphqlOperation& operation, DocumentValidator& validator) {
    const std::string& where = validator.OperationPath();
    for (const auto& name : operation.used_variables) {
        const bool declared =
            std::any_of(operation.variables.begin(),
                        operation.variables.end(),
                        [&](const GraphqlVariable& variable) { return variable.name == name; });
        if (!declared) {
            std::string message = "Variable $" + name;
            message += " is used by " + where + " but not declared";
            validator.Add(std::move(message),
                          {{"code", "variableNotDefined"}, {"variableName", name}});
        }
    }
    for (const auto& variable : operation.variables) {
        if (!Contains(operation.used_variables, variable.name)) {
            validator.Add(
                "Variable $" + variable.name + " is declared by " + where + " but not used",
                {{"code", "variableNotUsed"}, {"variableName", variable.name}});
        }
    }
}

// A non-null variable without a default needs a non-null value.
void CheckVariableValues(const GraphqlOperation& operation,
                         const json::object& variables,
                         DocumentValidator& validator) {
    for (const auto& variable : operation.variables) {
        const auto* value = variables.if_contains(variable.name);
        if (variable.type.back() != '!' || variable.has_default ||
            (value != nullptr && !value->is_null())) {
            continue;
        }
        json::object problem{{"path", json::array{}},
                             {"explanation", "Expected value to not be null"}};
        validator.Add("Variable $" + variable.name + " of type " + variable.type +
                          " was provided invalid value",
                      {{"value", nullptr}, {"problems", json::array{std::move(problem)}}});
    }
}

}  // namespace

std::vector<GraphqlError> ValidateDocument(GraphqlOperation& operation,
                                           const GraphqlSchema& schema,
                                           const json::object& variables) {
    const std::string kind = operation.is_mutation ? "mutation" : "query";
    DocumentValidator validator(schema,
                                operation.name.empty() ? kind : kind + " " + operation.name);
    const SchemaType* root = schema.Find(operation.is_mutation ? "Mutation" : "QueryRoot");
    json::array path{json::string(validator.OperationPath())};
    validator.CheckSelection(operation.fields, *root, path);
    CheckFragments(operation, validator);
    CheckVariableUse(operation, validator);
    auto errors = validator.Take();
    if (!errors.empty()) {
        return errors;
    }
    CheckVariableValues(operation, variables, validator);
    return validator.Take();
}

json::object ErrorJson(const GraphqlError& error) {
    json::object entry{{"message", error.message}};
    if (!error.locations.empty()) {
        entry["locations"] = error.locations;
    }
    if (!error.path.empty()) {
        entry["path"] = error.path;
    }
    entry["extensions"] = error.extensions;
    return entry;
}

}  // namespace scs::sandbox
