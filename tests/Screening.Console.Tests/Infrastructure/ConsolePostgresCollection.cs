using Screening.Host.Tests.Infrastructure;

namespace Screening.Console.Tests.Infrastructure;

/// <summary>
/// xunit 2 only sees collection definitions in the test's own assembly: this one gives the shared
/// <see cref="PostgresFixture"/> of Screening.Host.Tests to this assembly, under the same collection name.
/// </summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class ConsolePostgresCollection : ICollectionFixture<PostgresFixture>;
