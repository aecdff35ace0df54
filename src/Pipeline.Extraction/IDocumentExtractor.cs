using Pipeline.Core.Extraction;

namespace Pipeline.Extraction;

/// <summary>The bytes of one input file, with what its first bytes say it is.</summary>
public sealed record InputFile(string Path, byte[] Bytes)
{
    private string? _sha256;

    /// <summary>SHA-256 of the bytes, lower-case hex: the file's identity in the warehouse (computed once).</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Bytes));

    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();
    public bool StartsWith(ReadOnlySpan<byte> signature) => Bytes.AsSpan().StartsWith(signature);
}

/// <summary>One kind of source (workbooks, reviewed extraction JSON, PDFs …) turned into the canonical record.</summary>
public interface IDocumentExtractor
{
    /// <summary>True when this extractor reads this file (decided from its content, the extension only as a hint).</summary>
    bool CanRead(InputFile file);

    /// <summary>Reads the file; throws <see cref="ExtractionException"/> with a one-line reason when it cannot.</summary>
    ExtractedDocument Extract(InputFile file, CancellationToken ct = default);
}
