using WhatsAppHub.Core.Workflows;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>The workflow types and effect kinds this hub runs, by name (registered in <c>HubApp</c>).</summary>
public sealed class WorkflowDefinitions(IEnumerable<IWorkflowDefinition> definitions, IEnumerable<IWorkflowEffect> effects)
{
    private readonly Dictionary<string, IWorkflowDefinition> _definitions = definitions.ToDictionary(d => d.Type, StringComparer.Ordinal);
    private readonly Dictionary<string, IWorkflowEffect> _effects = effects.ToDictionary(e => e.Kind, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Types => _definitions.Keys;

    public IWorkflowDefinition? Find(string type) => _definitions.GetValueOrDefault(type);

    public IWorkflowEffect? FindEffect(string kind) => _effects.GetValueOrDefault(kind);
}
