namespace Pipeline.Core.Model;

/// <summary>The kinds of document in the performance cycle.</summary>
public enum DocumentType
{
    Piano,
    Monitoraggio,
    Relazione,
    Pira,
    Other,
}

public static class DocumentTypes
{
    public static string ToCode(this DocumentType type) => type.ToString().ToLowerInvariant();

    public static DocumentType Parse(string? code) =>
        Enum.TryParse<DocumentType>(code?.Trim(), ignoreCase: true, out var type) ? type : DocumentType.Other;
}
