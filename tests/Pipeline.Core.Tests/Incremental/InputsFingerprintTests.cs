using Pipeline.Core.Incremental;

namespace Pipeline.Core.Tests.Incremental;

public sealed class InputsFingerprintTests
{
    /// <summary>"name:value|name:value" → parts.</summary>
    private static InputsFingerprint F(string parts) =>
        InputsFingerprint.Of(parts.Length == 0 ? [] : parts.Split('|').Select(p => (p[..p.IndexOf(':')], p[(p.IndexOf(':') + 1)..])));

    // stored (null: nothing stored yet) | now | runs | reason
    [Theory]
    [InlineData(null, "documents:1:1;2:1;|facts:t 40/40|policy:integra|year:2024", true, "first computation")]
    [InlineData("documents:1:1;2:1;|facts:t 40/40|policy:integra|year:2024", "documents:1:1;2:1;|facts:t 40/40|policy:integra|year:2024", false, "unchanged")]
    // the parts in another order: the same fingerprint
    [InlineData("year:2024|policy:integra|facts:t 40/40|documents:1:1;2:1;", "documents:1:1;2:1;|facts:t 40/40|policy:integra|year:2024", false, "unchanged")]
    // a new version superseding the first document
    [InlineData("documents:1:1;2:1;|facts:t 40/40|policy:integra|year:2024", "documents:1:0;2:1;3:1;|facts:t 60/70|policy:integra|year:2024", true, "changed: documents, facts")]
    // a held version accepted: its review state alone changes
    [InlineData("documents:1:1;2:0:held;|facts:t 40/40", "documents:1:0;2:1:accepted;|facts:t 40/40", true, "changed: documents")]
    // measurements added to a document already loaded
    [InlineData("documents:1:1;|facts:m 10/10", "documents:1:1;|facts:m 12/14", true, "changed: facts")]
    [InlineData("documents:1:1;|policy:integra", "documents:1:1;|policy:integra, cap none", true, "changed: policy")]
    [InlineData("documents:1:1;|day:2024-05-10", "documents:1:1;|day:2024-05-11", true, "changed: day")]
    // a part the stored fingerprint did not have (a newer version of the program), or no longer has
    [InlineData("documents:1:1;", "documents:1:1;|failed:a.pdf", true, "changed: failed")]
    [InlineData("documents:1:1;|failed:a.pdf", "documents:1:1;", true, "changed: failed")]
    [InlineData("documents:", "documents:", false, "unchanged")]
    public void A_step_runs_when_a_part_of_its_inputs_differs_from_what_it_last_computed_from(string? stored, string now, bool runs, string reason)
    {
        var decision = F(now).DecideAgainst(stored is null ? null : F(stored).ToString());
        Assert.Equal(new StepDecision(runs, reason), decision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("documents=")]
    [InlineData("=abc")]
    [InlineData("documents=abc;documents=abc")]
    public void A_stored_fingerprint_not_in_the_stored_form_counts_as_none(string stored)
    {
        Assert.Null(InputsFingerprint.Parse(stored));
        Assert.Equal(new StepDecision(true, "first computation"), F("documents:1").DecideAgainst(stored));
    }

    [Fact]
    public void The_stored_form_reads_back_and_names_its_parts_in_order()
    {
        var fingerprint = F("year:2024|documents:1:1;");
        var text = fingerprint.ToString();
        Assert.Matches("^documents=[0-9a-f]{16};year=[0-9a-f]{16}$", text);
        Assert.Equal(text, InputsFingerprint.Parse(text)!.ToString());
        Assert.Empty(fingerprint.ChangesSince(InputsFingerprint.Parse(text)));
        Assert.NotEqual(F("year:2024|documents:1:1;").Parts["documents"], F("year:2024|documents:1:1;2:1;").Parts["documents"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("a;b")]
    public void A_part_name_that_would_not_read_back_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => InputsFingerprint.Of([(name, "x")]));
}
