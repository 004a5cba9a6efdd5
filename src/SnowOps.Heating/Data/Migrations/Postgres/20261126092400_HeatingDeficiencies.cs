using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HeatingDeficiencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AtNight",
                schema: "heating",
                table: "readings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Counted",
                schema: "heating",
                table: "readings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "Exclusions",
                schema: "heating",
                table: "readings",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<double>(
                name: "StandardCelsius",
                schema: "heating",
                table: "readings",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "Verdict",
                schema: "heating",
                table: "readings",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "deficiencies",
                schema: "heating",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompoundId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CompanyId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ReadingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AverageCelsius = table.Column<double>(type: "double precision", nullable: false),
                    StandardCelsius = table.Column<double>(type: "double precision", nullable: false),
                    Found = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    RepairTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Repaired = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecheckTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Closed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedByReadingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deficiencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dispatch_tasks",
                schema: "heating",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SubjectId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Changed = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_tasks", x => x.TaskId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_readings_Counted_Measured",
                schema: "heating",
                table: "readings",
                columns: new[] { "Counted", "Measured" });

            migrationBuilder.CreateIndex(
                name: "IX_deficiencies_CompanyId_Found",
                schema: "heating",
                table: "deficiencies",
                columns: new[] { "CompanyId", "Found" });

            migrationBuilder.CreateIndex(
                name: "IX_deficiencies_CompoundId_Found",
                schema: "heating",
                table: "deficiencies",
                columns: new[] { "CompoundId", "Found" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deficiencies",
                schema: "heating");

            migrationBuilder.DropTable(
                name: "dispatch_tasks",
                schema: "heating");

            migrationBuilder.DropIndex(
                name: "IX_readings_Counted_Measured",
                schema: "heating",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "AtNight",
                schema: "heating",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "Counted",
                schema: "heating",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "Exclusions",
                schema: "heating",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "StandardCelsius",
                schema: "heating",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "Verdict",
                schema: "heating",
                table: "readings");
        }
    }
}
