using Pipeline.Core.Runs;

namespace Pipeline.Core.Tests.Runs;

public class NightTrendTests
{
    public static TheoryData<double[], double> Nights => new()
    {
        // seconds per chamber in the order they ran → last ten over first ten
        { [], 1 },
        { [2.0], 1 },
        { [1, 2, 3], 1 },                                                   // fewer than ten: both groups are the whole night
        { [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 2 }, // twenty: disjoint halves
        { [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 3 },
        { [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5], 0.95 },
        { [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 0.5 }, // 25: chambers 16–25 over 1–10
        { [0.0, 0.0], 1 },                                                  // the first ten took no time
        { [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4], 1.3 },                      // twelve: chambers 3–12 over 1–10
    };

    [Theory]
    [MemberData(nameof(Nights))]
    public void Last_ten_over_first_ten(double[] seconds, double expected) =>
        Assert.Equal(expected, NightTrend.Of(seconds.Select(TimeSpan.FromSeconds).ToList()), 6);
}
