package io.fahuo.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import io.fahuo.FahuoApplication;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(FahuoApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublishedApi() {
        MODULES.verify();
    }

    @Test
    void writesModuleDiagrams() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
