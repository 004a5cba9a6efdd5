using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HeatingChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cold_operations",
                schema: "heating",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: true),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: true),
                    CheckEveryHours = table.Column<double>(type: "double precision", nullable: false),
                    First = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Started = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Ended = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cold_operations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_checks",
                schema: "heating",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompoundId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CompanyId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Slot = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Risk = table.Column<double>(type: "double precision", nullable: false),
                    EveryHours = table.Column<double>(type: "double precision", nullable: false),
                    Found = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Due = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SnowEventId = table.Column<Guid>(type: "uuid", nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_checks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_checks_CompoundId_State",
                schema: "heating",
                table: "scheduled_checks",
                columns: new[] { "CompoundId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_checks_Day_CompanyId",
                schema: "heating",
                table: "scheduled_checks",
                columns: new[] { "Day", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_checks_SourceKey",
                schema: "heating",
                table: "scheduled_checks",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_checks_State",
                schema: "heating",
                table: "scheduled_checks",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cold_operations",
                schema: "heating");

            migrationBuilder.DropTable(
                name: "scheduled_checks",
                schema: "heating");
        }
    }
}
