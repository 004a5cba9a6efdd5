using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HeatingDeficiencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AtNight",
                table: "readings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Counted",
                table: "readings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Exclusions",
                table: "readings",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<double>(
                name: "StandardCelsius",
                table: "readings",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "Verdict",
                table: "readings",
                type: "TEXT",
                maxLength: 512,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "deficiencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompoundId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CompanyId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ReadingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AverageCelsius = table.Column<double>(type: "REAL", nullable: false),
                    StandardCelsius = table.Column<double>(type: "REAL", nullable: false),
                    Found = table.Column<long>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    RepairTaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Repaired = table.Column<long>(type: "INTEGER", nullable: true),
                    RecheckTaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Closed = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedByReadingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deficiencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dispatch_tasks",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Changed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatch_tasks", x => x.TaskId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_readings_Counted_Measured",
                table: "readings",
                columns: new[] { "Counted", "Measured" });

            migrationBuilder.CreateIndex(
                name: "IX_deficiencies_CompanyId_Found",
                table: "deficiencies",
                columns: new[] { "CompanyId", "Found" });

            migrationBuilder.CreateIndex(
                name: "IX_deficiencies_CompoundId_Found",
                table: "deficiencies",
                columns: new[] { "CompoundId", "Found" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deficiencies");

            migrationBuilder.DropTable(
                name: "dispatch_tasks");

            migrationBuilder.DropIndex(
                name: "IX_readings_Counted_Measured",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "AtNight",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "Counted",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "Exclusions",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "StandardCelsius",
                table: "readings");

            migrationBuilder.DropColumn(
                name: "Verdict",
                table: "readings");
        }
    }
}
