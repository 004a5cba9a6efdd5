using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HeatingChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cold_operations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CheckEveryHours = table.Column<double>(type: "REAL", nullable: false),
                    First = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Started = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: true),
                    Ended = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cold_operations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompoundId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CompanyId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Slot = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Risk = table.Column<double>(type: "REAL", nullable: false),
                    EveryHours = table.Column<double>(type: "REAL", nullable: false),
                    Found = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Due = table.Column<long>(type: "INTEGER", nullable: true),
                    SnowEventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_checks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_checks_CompoundId_State",
                table: "scheduled_checks",
                columns: new[] { "CompoundId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_checks_Day_CompanyId",
                table: "scheduled_checks",
                columns: new[] { "Day", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_checks_SourceKey",
                table: "scheduled_checks",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_checks_State",
                table: "scheduled_checks",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cold_operations");

            migrationBuilder.DropTable(
                name: "scheduled_checks");
        }
    }
}
