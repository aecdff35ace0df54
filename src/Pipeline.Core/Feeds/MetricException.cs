namespace Pipeline.Core.Feeds;

/// <summary>
/// A metric request that cannot be served: an unknown metric id, or a parameter that is unknown, missing or
/// invalid. The message names the metric and the parameter and says what is accepted.
/// </summary>
public sealed class MetricException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public MetricException(string message) : base(message)
    {
    }
}
