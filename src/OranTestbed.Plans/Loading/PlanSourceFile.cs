namespace OranTestbed.Plans.Loading;

/// <summary>One plan file: its path relative to the plan directory ('/' separators), the name errors give it, its text.</summary>
internal sealed record PlanSourceFile(string RelativePath, string DisplayPath, string Text);
