namespace Screening.Host.Tests.Infrastructure;

/// <summary>Tests that share the throwaway PostgreSQL. They run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
