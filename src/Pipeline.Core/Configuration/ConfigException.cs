namespace Pipeline.Core.Configuration;

/// <summary>
/// A configuration file that cannot be used: its message is one line naming the file, the setting and what is wrong
/// ("config/feeds.json: practices.protocol: expected a list of texts, found 5 (line 3)"). <see cref="ConfigFile"/> and
/// <see cref="ConfigSetting"/> make it; the command line catches it once (exit 2).
/// </summary>
public sealed class ConfigException(string message, Exception? inner = null) : Exception(message, inner);
