package dev.bazaar.serviceability.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.SizeClass;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkRowParserTests {

    final LogisticsNetwork network = new LogisticsNetwork(
            List.of(new Pincode("110001", "New Delhi", 28.6, 77.2)),
            List.of(new Warehouse("WH-DEL", "Delhi", "110001", 4, LocalTime.NOON, 0)),
            List.of(new Hub("HUB-DEL", "Delhi hub", "New Delhi", 28.6, 77.2)),
            List.of(new Courier("SADAK", "Sadak")),
            List.of(),
            List.of());

    @Test
    void csvLanesWithZeroOrNegativeTransitOrUnknownNodesAreRejectedWithTheirRow() {
        String csv = """
                from,to,courier,transit_hours,max_size
                WH-DEL,HUB-DEL,SADAK,2,BULKY
                WH-DEL,HUB-DEL,SADAK,0,BULKY
                HUB-DEL,WH-DEL,SADAK,-3,LARGE
                HUB-DEL,HUB-XYZ,SADAK,5,LARGE
                HUB-DEL,WH-DEL,NOBODY,5,HUGE
                """;
        NetworkRowParser parser = new NetworkRowParser(network);
        List<Lane> lanes = parser.lanes(RawRows.fromCsv(csv));

        assertThat(lanes).containsExactly(new Lane("WH-DEL", "HUB-DEL", "SADAK", 2, SizeClass.BULKY));
        assertThat(parser.errors())
                .extracting(RowError::row, RowError::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "transitHours"),
                        org.assertj.core.groups.Tuple.tuple(3, "transitHours"),
                        org.assertj.core.groups.Tuple.tuple(4, "to"),
                        org.assertj.core.groups.Tuple.tuple(5, "maxSize"),
                        org.assertj.core.groups.Tuple.tuple(5, "courier"));
        assertThat(parser.errors().get(2).message()).contains("HUB-XYZ");
    }

    @Test
    void pincodesAcceptTheRealFilesHeaderAndRejectMalformedCodesAndCoordinates() {
        String csv = "pincode,state,latitude,longitude\r\n110002,New Delhi,28.63,77.23\r\n011002,X,28,77\r\n"
                + "110003,New Delhi,77.2,28.6\r\n\"110004\",\"Delhi, NCT\",28.6,77.2\r\n";
        NetworkRowParser parser = new NetworkRowParser(network);
        List<Pincode> pincodes = parser.pincodes(RawRows.fromCsv(csv));

        assertThat(pincodes).extracting(Pincode::code).containsExactly("110002", "110004");
        assertThat(pincodes.get(1).state()).isEqualTo("Delhi, NCT");
        assertThat(parser.errors()).extracting(RowError::row).containsExactly(2, 3, 3);
    }

    @Test
    void csvFromASpreadsheetWithAByteOrderMarkEmptyLinesAndAShortRowReadsByColumnName() {
        String csv = "\uFEFFPincode,State,Latitude,Longitude\n\n110002,New Delhi,28.63,77.23\n\r\n110003,Delhi\n";
        NetworkRowParser parser = new NetworkRowParser(network);
        List<Pincode> pincodes = parser.pincodes(RawRows.fromCsv(csv));

        assertThat(pincodes).extracting(Pincode::code).containsExactly("110002");
        assertThat(parser.errors())
                .extracting(RowError::row, RowError::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "latitude"),
                        org.assertj.core.groups.Tuple.tuple(2, "longitude"));
    }

    @Test
    void warehousesNeedAKnownPincodeAndGetTheNextFreeSlot() {
        NetworkRowParser parser = new NetworkRowParser(network);
        List<Warehouse> warehouses = parser.warehouses(RawRows.fromCsv("""
                id,name,pincode,handlingHours,cutoff
                WH-NEW,New,110001,6,16:30
                WH-DEL,Delhi again,110001,8,12:00
                WH-BAD,Bad,560001,6,25:00
                """));

        assertThat(warehouses)
                .extracting(Warehouse::id, Warehouse::slot)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("WH-NEW", 1),
                        org.assertj.core.groups.Tuple.tuple("WH-DEL", 0));
        assertThat(parser.errors()).extracting(RowError::field).containsExactlyInAnyOrder("cutoff", "pincode");
    }

    @Test
    void jsonRowsAreValidatedLikeCsvRows() {
        NetworkRowParser parser = new NetworkRowParser(network);
        List<Coverage> coverage = parser.coverage(RawRows.fromJson(List.of(
                java.util.Map.of(
                        "hub",
                        "HUB-DEL",
                        "pincode",
                        "110001",
                        "courier",
                        "SADAK",
                        "transitHours",
                        6,
                        "maxSize",
                        "large"),
                java.util.Map.of(
                        "hub",
                        "HUB-DEL",
                        "pincode",
                        "999999",
                        "courier",
                        "SADAK",
                        "transitHours",
                        6,
                        "maxSize",
                        "LARGE"))));

        assertThat(coverage).containsExactly(new Coverage("HUB-DEL", "110001", "SADAK", 6, SizeClass.LARGE));
        assertThat(parser.errors()).containsExactly(new RowError(2, "pincode", "unknown pincode 999999"));
    }
}
