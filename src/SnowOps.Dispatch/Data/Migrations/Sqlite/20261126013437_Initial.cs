using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Dispatch.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "snow_events",
                columns: table => new
                {
                    CorrelationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Hazard = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PlanName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Proposed = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivatedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Activated = table.Column<long>(type: "INTEGER", nullable: true),
                    Closed = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_snow_events", x => x.CorrelationId);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CrewId = table.Column<string>(type: "TEXT", nullable: true),
                    Geometry = table.Column<string>(type: "TEXT", nullable: true),
                    LengthMeters = table.Column<double>(type: "REAL", nullable: true),
                    Assigned = table.Column<long>(type: "INTEGER", nullable: false),
                    Due = table.Column<long>(type: "INTEGER", nullable: true),
                    Accepted = table.Column<long>(type: "INTEGER", nullable: true),
                    Started = table.Column<long>(type: "INTEGER", nullable: true),
                    Completed = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_snow_events_AlertId",
                table: "snow_events",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_CrewId_State",
                table: "tasks",
                columns: new[] { "CrewId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_SnowEventId_SourceKey",
                table: "tasks",
                columns: new[] { "SnowEventId", "SourceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "snow_events");

            migrationBuilder.DropTable(
                name: "tasks");
        }
    }
}
