using YamlDotNet.RepresentationModel;

namespace OranTestbed.Plans.Yaml;

/// <summary>A value read from a plan file with the node it came from, so that a later check (a reference resolved
/// once every file is loaded) can still point at its line and column.</summary>
internal readonly record struct Located<T>(T Value, YamlNode Node, string KeyPath);
