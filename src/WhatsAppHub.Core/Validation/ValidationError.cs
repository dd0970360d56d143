namespace WhatsAppHub.Core.Validation;

/// <summary>One broken rule: where (a JSON path such as <c>$.text.body</c>), which rule, and a sentence for people.</summary>
public sealed record ValidationError(string Path, string Rule, string Message);
