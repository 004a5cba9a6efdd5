using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HeatingComplaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceRequestId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Requested = table.Column<long>(type: "INTEGER", nullable: false),
                    Received = table.Column<long>(type: "INTEGER", nullable: false),
                    CompoundId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    MatchedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NeedsPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    FirstCheckedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_CompoundId_Requested",
                table: "complaints",
                columns: new[] { "CompoundId", "Requested" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_NeedsPerson",
                table: "complaints",
                column: "NeedsPerson");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_Source_ServiceRequestId",
                table: "complaints",
                columns: new[] { "Source", "ServiceRequestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints");
        }
    }
}
