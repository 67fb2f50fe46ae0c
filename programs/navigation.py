# Menu entries and home tasks of the program side are registered here (see thoxuan_gnbv.navigation).
