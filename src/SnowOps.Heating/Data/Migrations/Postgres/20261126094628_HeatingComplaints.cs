using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Heating.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HeatingComplaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaints",
                schema: "heating",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceRequestId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Address = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Requested = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Received = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompoundId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    MatchedBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NeedsPerson = table.Column<bool>(type: "boolean", nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    FirstCheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_CompoundId_Requested",
                schema: "heating",
                table: "complaints",
                columns: new[] { "CompoundId", "Requested" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_NeedsPerson",
                schema: "heating",
                table: "complaints",
                column: "NeedsPerson");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_Source_ServiceRequestId",
                schema: "heating",
                table: "complaints",
                columns: new[] { "Source", "ServiceRequestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaints",
                schema: "heating");
        }
    }
}
