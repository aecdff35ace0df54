using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Corpus.Tests.Renderings;

/// <summary>One document to print: the HTML or FODT text, the tool and style; its PDF lives in the cache under a name
/// keyed by the SHA-256 of (input + tool + style), so unchanged inputs are never printed twice.</summary>
public sealed record RenderJob(string Case, RenderStyle Style, string Input)
{
    public string Extension => Style.Tool == RenderTool.Chromium ? "html" : "fodt";

    public string Key { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Input}\n{Style.Tool}\n{Style}")))[..16];

    public string Pdf => Path.Combine(RenderCache.Folder, $"{Case}-{Key}.pdf");
}

/// <summary>The git-ignored folder (tests/Pipeline.Corpus.Tests/.renderings) holding rendered PDFs, generated ground
/// truths and the score table.</summary>
public static class RenderCache
{
    public static string Folder { get; } = Create();

    private static string Create()
    {
        var dir = Path.Combine(Baseline.SourceFolder, "..", ".renderings");
        Directory.CreateDirectory(dir);
        return Path.GetFullPath(dir);
    }
}
