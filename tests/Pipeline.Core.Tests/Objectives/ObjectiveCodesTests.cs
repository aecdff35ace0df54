using Pipeline.Core.Model;
using Pipeline.Core.Objectives;

namespace Pipeline.Core.Tests.Objectives;

public sealed class ObjectiveCodesTests
{
    [Theory]
    [InlineData("1.1.2", "1.1")]
    [InlineData("1.1", "1")]
    [InlineData("1.1.", "1")]
    [InlineData("01.02.03", "01.02")]
    [InlineData("A.1", "A")]
    [InlineData("A1", "A")]
    [InlineData("B.2.1", "B.2")]
    [InlineData("OP.01.01.01", "OS.01.01")]
    [InlineData("OP.01.01", "OS.01")]
    [InlineData("OP 1.1.3", "1.1")]
    [InlineData("OP 1.1.3.", "1.1")]
    [InlineData("OP1.1.3", "1.1")]
    [InlineData("1", null)]
    [InlineData("A", null)]
    [InlineData("OP.01", null)]
    [InlineData("OS.01.02", null)]
    [InlineData("OS.01.02.03", null)]
    [InlineData("AS.1.2", null)]
    [InlineData("", null)]
    public void ParentOf(string code, string? parent) =>
        Assert.Equal(parent, ObjectiveCodes.ParentOf(code));

    [Theory]
    [InlineData("OS.01.02", "AS.01", true)]
    [InlineData("OS.1.2", "AS.01", true)]
    [InlineData("OP.01.02.03", "OS.01.02", true)]
    [InlineData("OP.01.02.03", "AS.01", true)]
    [InlineData("1.1.2", "1.1", true)]
    [InlineData("B.2.1", "B", true)]
    [InlineData("OS.02.01", "AS.01", false)]
    [InlineData("OS.01.02", "OS.01.02", false)]
    [InlineData("AS.01", "OS.01.02", false)]
    [InlineData("OS.01.02", "AS", false)]
    [InlineData("OS.01.02", "", false)]
    public void IsWithin(string code, string ancestor, bool within) =>
        Assert.Equal(within, ObjectiveCodes.IsWithin(code, ancestor));

    [Theory]
    [InlineData("OS.01.02", ObjectiveLevel.Strategic)]
    [InlineData("OBS 01", ObjectiveLevel.Strategic)]
    [InlineData("OB.S.1", ObjectiveLevel.Strategic)]
    [InlineData("OS", ObjectiveLevel.Strategic)]
    [InlineData("OP.01.01.01", ObjectiveLevel.Operational)]
    [InlineData("op 1.1.3", ObjectiveLevel.Operational)]
    [InlineData("OO.1.1", ObjectiveLevel.Operational)]
    [InlineData("AS.1", ObjectiveLevel.Area)]
    [InlineData("AMB.2", ObjectiveLevel.Area)]
    [InlineData("AZ.1.2", ObjectiveLevel.Action)]
    [InlineData("1.1", null)]
    [InlineData("A.1", null)]
    [InlineData("B.2.1", null)]
    [InlineData("AZ", null)]
    [InlineData("", null)]
    public void LevelOfPrefix(string code, ObjectiveLevel? level) =>
        Assert.Equal(level, ObjectiveCodes.LevelOfPrefix(code));

    [Theory]
    [InlineData("OS.01.02", "OS.1.2")]
    [InlineData("op 1.1.3.", "OP.1.1.3")]
    [InlineData("OP.01.01.01", "OP.1.1.1")]
    [InlineData("OP1.1.3", "OP.1.1.3")]
    [InlineData("OB.S.1", "OS.1")]
    [InlineData("OBS 01", "OS.1")]
    [InlineData("AMB 2", "AMB.2")]
    [InlineData("1.1", "1.1")]
    [InlineData("01.02", "1.2")]
    [InlineData("1.0", "1.0")]
    [InlineData("1.1.", "1.1")]
    [InlineData("a.1", "A.1")]
    [InlineData("A1", "A.1")]
    [InlineData("B.2.1", "B.2.1")]
    [InlineData(" II ", "II")]
    [InlineData("", "")]
    public void Key(string code, string key) =>
        Assert.Equal(key, ObjectiveCodes.Key(code));

    [Fact]
    public void KeyKeepsPrefixesApart()
    {
        Assert.NotEqual(ObjectiveCodes.Key("OS.01.01"), ObjectiveCodes.Key("OP.01.01"));
        Assert.NotEqual(ObjectiveCodes.Key("OS.1"), ObjectiveCodes.Key("1"));
        Assert.Equal(ObjectiveCodes.Key("OS.01.01"), ObjectiveCodes.Key(ObjectiveCodes.ParentOf("OP.01.01.01")!));
        Assert.Equal(ObjectiveCodes.Key("1.1"), ObjectiveCodes.Key(ObjectiveCodes.ParentOf("OP 1.1.3")!));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1.1", 2)]
    [InlineData("1.1.", 2)]
    [InlineData("A", 1)]
    [InlineData("A.1", 2)]
    [InlineData("A1", 2)]
    [InlineData("B.2.1", 3)]
    [InlineData("OS.01.02", 2)]
    [InlineData("OP.01.01.01", 3)]
    [InlineData("OP 1.1.3", 3)]
    [InlineData("OB.S.1", 1)]
    [InlineData("", 0)]
    public void Depth(string code, int depth) =>
        Assert.Equal(depth, ObjectiveCodes.Depth(code));
}
