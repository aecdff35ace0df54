namespace Pipeline.Extraction.Tests.Pdf;

/// <summary>A test's own temporary folder for the PDFs it writes; removed with the test class.</summary>
public sealed class PdfScratch(string prefix) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory(prefix);

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="name"/> in the folder; returns the path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
