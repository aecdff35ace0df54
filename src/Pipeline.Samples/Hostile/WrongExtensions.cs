namespace Pipeline.Samples.Hostile;

/// <summary>Each good file saved under the extension of another kind (a PDF named .xlsx, a workbook named .csv, a feed named .pdf…).</summary>
public static class WrongExtensions
{
    private static readonly string[] Extensions = [".pdf", ".xlsx", ".xls", ".json", ".csv"];

    public static IEnumerable<HostileFile> Make(IReadOnlyList<SampleSource> sources)
    {
        foreach (var source in sources)
            foreach (var extension in Extensions.Where(e => e != source.Extension))
                yield return HostileFile.Of(HostileFile.Named("renamed", source.Name, source.Extension.TrimStart('.') + "-as" + extension.Replace('.', '-'), extension),
                    HostileKinds.WrongExtension, source.Name, source.Bytes);
    }
}
