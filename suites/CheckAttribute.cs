using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace ConformanceHarness.Suites;

/// <summary>
/// Marks a test as a check of one checklist item: the id's prefix ("8C" of "8C.token-not-in-urls") becomes
/// the test's category, so `--only 8C` and `dotnet test --filter TestCategory=8C` select it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CheckAttribute(string id, string title) : NUnitAttribute, IApplyToTest
{
    public const string IdProperty = "CheckId";

    public string Id { get; } = id;
    public string Title { get; } = title;
    public string Item => Id.Split('.')[0];

    public void ApplyToTest(Test test)
    {
        test.Properties.Add(PropertyNames.Category, Item);
        test.Properties.Add(IdProperty, Id);
        test.Properties.Set(PropertyNames.Description, Title);
    }
}
