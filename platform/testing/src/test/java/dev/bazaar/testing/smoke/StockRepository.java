package dev.bazaar.testing.smoke;

import dev.bazaar.testing.smoke.MariaDbSmokeIntegrationTests.Stock;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StockRepository extends JpaRepository<Stock, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Stock s where s.itemId = :itemId")
    Stock lockById(String itemId);
}
