using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SnowOps.Routing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoadNetworkFromOsm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "road_segments",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<bool>(
                name: "Bridge",
                table: "road_segments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "EmergencyAccess",
                table: "road_segments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PassesBackward",
                table: "road_segments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Slope",
                table: "road_segments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "WayId",
                table: "road_segments",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Bridge",
                table: "road_segments");

            migrationBuilder.DropColumn(
                name: "EmergencyAccess",
                table: "road_segments");

            migrationBuilder.DropColumn(
                name: "PassesBackward",
                table: "road_segments");

            migrationBuilder.DropColumn(
                name: "Slope",
                table: "road_segments");

            migrationBuilder.DropColumn(
                name: "WayId",
                table: "road_segments");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "road_segments",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);
        }
    }
}
