namespace Pipeline.Core.Configuration;

/// <summary>
/// A configuration file that cannot be used: its message is one line naming the file, the setting and what is wrong
/// ("config/feeds.json: practices role 'protocol' must be an array of headers"). Every configuration reader throws
/// this one type, and the command line catches it once (exit 2).
/// </summary>
public sealed class ConfigException(string message, Exception? inner = null) : Exception(message, inner);
