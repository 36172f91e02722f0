#include <gtest/gtest.h>

#include "maillage/core/tabular.hpp"

using namespace maillage::core;

TEST(CsvRecord, QuotesOnlyWhatRfc4180Requires) {
    EXPECT_EQ(csv_record({"a", "b c", "d"}), "a,b c,d\r\n");
    EXPECT_EQ(csv_record({"x,y", "say \"hi\"", "two\nlines"}), "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    EXPECT_EQ(csv_record({"1,5", "2"}, ';'), "1,5;2\r\n");
    EXPECT_EQ(csv_record({"a;b"}, ';'), "\"a;b\"\r\n");
}

TEST(TextTable, AlignsByCharactersNotBytes) {
    TextTable t({"Édition", "N"}, {Align::Left, Align::Right});
    t.add_row({"2019", "5"});
    t.add_row({"Été", "123"});
    EXPECT_EQ(t.str(), "Édition    N\n2019       5\nÉté      123\n");
}
